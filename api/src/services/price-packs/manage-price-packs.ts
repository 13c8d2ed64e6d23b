import { AppError, requireEventManager } from "@focus-racer/core";
import { type Db, type NewPricePack, orderItems, pricePacks } from "@focus-racer/db";
import { and, asc, eq, sql } from "drizzle-orm";

export type PackFields = Pick<NewPricePack, "name" | "priceCents" | "photoCount" | "isActive">;

type User = { id: string; role: string };

/** The pack, if it belongs to an event the user manages (NOT_FOUND otherwise, like events). */
async function requirePack(db: Db, user: User, packId: string) {
	const [pack] = await db
		.select({ id: pricePacks.id, eventId: pricePacks.eventId })
		.from(pricePacks)
		.where(eq(pricePacks.id, packId));
	if (!pack) throw new AppError("NOT_FOUND", "Pack not found.");
	await requireEventManager(db, { eventId: pack.eventId, user });
	return pack;
}

export async function listPricePacks(db: Db, user: User, eventId: string) {
	await requireEventManager(db, { eventId, user });
	return db
		.select()
		.from(pricePacks)
		.where(eq(pricePacks.eventId, eventId))
		.orderBy(asc(pricePacks.sortOrder), asc(pricePacks.priceCents));
}

/** A new pack, last in the event's order. */
export async function createPricePack(db: Db, user: User, eventId: string, fields: PackFields) {
	await requireEventManager(db, { eventId, user });
	const [row] = await db
		.insert(pricePacks)
		.values({
			...fields,
			eventId,
			sortOrder: sql`(select coalesce(max(${pricePacks.sortOrder}) + 1, 0) from ${pricePacks} where ${pricePacks.eventId} = ${eventId})`,
		})
		.returning();
	return row;
}

/**
 * Edits a pack. Orders keep their own label and price, so a change only affects new carts.
 */
export async function updatePricePack(db: Db, user: User, packId: string, fields: Partial<PackFields>) {
	await requirePack(db, user, packId);
	const [row] = await db.update(pricePacks).set(fields).where(eq(pricePacks.id, packId)).returning();
	return row;
}

/**
 * Removes a pack from sale. A pack some order bought stays in the table, inactive, because the
 * receipts and payouts point at it; one nobody bought is deleted.
 */
export async function removePricePack(db: Db, user: User, packId: string): Promise<{ deleted: boolean }> {
	await requirePack(db, user, packId);
	const [used] = await db
		.select({ id: orderItems.id })
		.from(orderItems)
		.where(eq(orderItems.pricePackId, packId))
		.limit(1);
	if (used) {
		await db.update(pricePacks).set({ isActive: false }).where(eq(pricePacks.id, packId));
		return { deleted: false };
	}
	await db.delete(pricePacks).where(eq(pricePacks.id, packId));
	return { deleted: true };
}

/** The event's packs in the given order (every pack of the event, each once). */
export async function reorderPricePacks(db: Db, user: User, eventId: string, packIds: readonly string[]) {
	await requireEventManager(db, { eventId, user });
	const current = await db
		.select({ id: pricePacks.id })
		.from(pricePacks)
		.where(eq(pricePacks.eventId, eventId));
	const wanted = new Set(packIds);
	if (
		wanted.size !== packIds.length ||
		current.length !== wanted.size ||
		current.some((p) => !wanted.has(p.id))
	) {
		throw new AppError("BAD_REQUEST", "Give every pack of the event exactly once.");
	}
	await db.transaction(async (tx) => {
		for (const [sortOrder, id] of packIds.entries()) {
			await tx
				.update(pricePacks)
				.set({ sortOrder })
				.where(and(eq(pricePacks.id, id), eq(pricePacks.eventId, eventId)));
		}
	});
	return listPricePacks(db, user, eventId);
}

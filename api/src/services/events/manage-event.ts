import {
	AppError,
	forgetPublicEvent,
	requireEventManager,
	type Storage,
	uniqueSlug,
} from "@focus-racer/core";
import { type Db, events, type NewEvent, pricePacks, users } from "@focus-racer/db";
import { and, asc, eq } from "drizzle-orm";

/** The fields a pro edits (ownership, timestamps and media keys go through other paths). */
export type EventFields = Pick<
	NewEvent,
	| "name"
	| "date"
	| "place"
	| "sportType"
	| "description"
	| "timezone"
	| "visibility"
	| "primaryColor"
	| "secondaryColor"
>;

function slugTaken(db: Db, except?: string) {
	return async (slug: string) => {
		const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
		return row !== undefined && row.id !== except;
	};
}

/** The organizer's account an event is linked to, found by email; NOT_FOUND hints at the fix. */
async function organizerIdFor(db: Db, email: string | null | undefined): Promise<string | null | undefined> {
	if (email === undefined) return undefined;
	if (email === null || email === "") return null;
	const [row] = await db
		.select({ id: users.id, role: users.role })
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()));
	if (row?.role !== "organizer") {
		throw new AppError(
			"BAD_REQUEST",
			"No organizer account has this email: ask the organizer to sign up first.",
		);
	}
	return row.id;
}

/** A new event owned by its creator, as a draft unless said otherwise, under a free slug. */
export async function createEvent(
	db: Db,
	user: { id: string; role: string },
	fields: EventFields & { slug: string; organizerEmail?: string | null | undefined },
) {
	const { organizerEmail, slug, ...rest } = fields;
	const organizerId = user.role === "organizer" ? user.id : await organizerIdFor(db, organizerEmail);
	const [row] = await db
		.insert(events)
		.values({
			...rest,
			slug: await uniqueSlug(slug, slugTaken(db)),
			ownerId: user.id,
			organizerId: organizerId ?? null,
		})
		.returning({ id: events.id, slug: events.slug });
	if (!row) throw new Error("event insert returned nothing");
	return row;
}

/** Edits an event; a changed slug must be free (old links then 404, so the page warns first). */
export async function updateEvent(
	db: Db,
	user: { id: string; role: string },
	eventId: string,
	fields: Partial<EventFields> & { slug?: string | undefined; organizerEmail?: string | null | undefined },
) {
	await requireEventManager(db, { eventId, user });
	const { organizerEmail, slug, ...rest } = fields;
	if (slug !== undefined && (await slugTaken(db, eventId)(slug))) {
		throw new AppError("CONFLICT", "This address is already used by another event.");
	}
	const organizerId = await organizerIdFor(db, organizerEmail);
	forgetPublicEvent(db, eventId);
	const [row] = await db
		.update(events)
		.set({
			...rest,
			...(slug === undefined ? {} : { slug }),
			...(organizerId === undefined ? {} : { organizerId }),
		})
		.where(eq(events.id, eventId))
		.returning({ id: events.id, slug: events.slug, visibility: events.visibility });
	return row;
}

/** Everything the pro's event page edits, with branding previews and packs. */
export async function getManagedEvent(
	deps: { db: Db; storage: Storage },
	user: { id: string; role: string },
	eventId: string,
) {
	const { db, storage } = deps;
	await requireEventManager(db, { eventId, user });
	const [row] = await db
		.select({
			id: events.id,
			slug: events.slug,
			name: events.name,
			date: events.date,
			timezone: events.timezone,
			place: events.place,
			sportType: events.sportType,
			description: events.description,
			visibility: events.visibility,
			primaryColor: events.primaryColor,
			secondaryColor: events.secondaryColor,
			posterKey: events.posterKey,
			logoKey: events.logoKey,
			ownerId: events.ownerId,
			organizerEmail: users.email,
		})
		.from(events)
		.leftJoin(users, eq(users.id, events.organizerId))
		.where(eq(events.id, eventId));
	if (!row) throw new AppError("NOT_FOUND", "Event not found.");
	const packs = await db
		.select()
		.from(pricePacks)
		.where(and(eq(pricePacks.eventId, eventId)))
		.orderBy(asc(pricePacks.sortOrder), asc(pricePacks.priceCents));
	const { posterKey, logoKey, ownerId, ...rest } = row;
	return {
		...rest,
		isOwner: ownerId === user.id || user.role === "admin",
		posterUrl: posterKey ? storage.publicUrl(posterKey) : null,
		logoUrl: logoKey ? storage.publicUrl(logoKey) : null,
		packs,
	};
}

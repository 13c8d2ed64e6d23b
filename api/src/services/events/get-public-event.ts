import { AppError, requirePublicEvent, type Storage } from "@focus-racer/core";
import { type Db, events } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { activePacksOf } from "../price-packs/active-packs.ts";
import { publicEventColumns, toPublicEventCard } from "./public-event-columns.ts";

/**
 * The public page of an event by its slug: what it is, its branding and what it sells. A
 * draft or archived event is only shown to its managers (their preview), NOT_FOUND otherwise.
 */
export async function getPublicEvent(options: {
	db: Db;
	storage: Storage;
	user: { id: string; role: string } | null;
	slug: string;
}) {
	const { db, storage } = options;
	const [row] = await db
		.select({
			...publicEventColumns,
			description: events.description,
			logoKey: events.logoKey,
			primaryColor: events.primaryColor,
			secondaryColor: events.secondaryColor,
			visibility: events.visibility,
		})
		.from(events)
		.where(eq(events.slug, options.slug));
	if (!row) throw new AppError("NOT_FOUND", "Event not found.");
	await requirePublicEvent(db, { eventId: row.id, user: options.user });
	const packs = await activePacksOf(db, row.id);
	const { description, logoKey, primaryColor, secondaryColor, visibility, ...card } = row;
	return {
		...toPublicEventCard(card, storage),
		description,
		logoUrl: logoKey ? storage.publicUrl(logoKey) : null,
		primaryColor,
		secondaryColor,
		visibility,
		packs,
	};
}

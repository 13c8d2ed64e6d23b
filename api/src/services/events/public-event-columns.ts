import type { Storage } from "@focus-racer/core";
import { events, photos, subquery } from "@focus-racer/db";
import { and, desc, eq, sql } from "drizzle-orm";

const readyPhotosOfEvent = and(eq(photos.eventId, events.id), eq(photos.status, "ready"));

/** The fields of an event anyone may see, and its sellable photo count. */
export const publicEventColumns = {
	id: events.id,
	slug: events.slug,
	name: events.name,
	date: events.date,
	place: events.place,
	sportType: events.sportType,
	posterKey: events.posterKey,
	photoCount: sql<number>`(${subquery.select({ n: sql`count(*)::int` }).from(photos).where(readyPhotosOfEvent)})`,
	// A grid thumbnail stands in for a missing poster on cards and in link previews.
	coverKey: sql<string | null>`(${subquery
		.select({ key: photos.microKey })
		.from(photos)
		.where(readyPhotosOfEvent)
		.orderBy(desc(photos.createdAt))
		.limit(1)})`,
};

export function toPublicEventCard(
	row: {
		id: string;
		slug: string;
		name: string;
		date: string;
		place: string;
		sportType: string;
		posterKey: string | null;
		coverKey: string | null;
		photoCount: number;
	},
	storage: Storage,
) {
	const { posterKey, coverKey, ...rest } = row;
	const imageKey = posterKey ?? coverKey;
	return { ...rest, imageUrl: imageKey ? storage.publicUrl(imageKey) : null };
}

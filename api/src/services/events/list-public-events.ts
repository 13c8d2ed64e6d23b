import { AppError, type Storage } from "@focus-racer/core";
import { type Db, events } from "@focus-racer/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { publicEventColumns, toPublicEventCard } from "./public-event-columns.ts";

export interface ListPublicEventsOptions {
	db: Db;
	storage: Storage;
	/** From the previous page's `nextCursor`. */
	cursor?: string | undefined;
	limit: number;
}

const cursorPattern = /^(\d{4}-\d\d-\d\d)\|([0-9a-f-]{36})$/i;

/** Public events, latest race first (home page, events page), a page at a time. */
export async function listPublicEvents(options: ListPublicEventsOptions) {
	const { db, storage, limit } = options;
	let after: ReturnType<typeof sql> | undefined;
	if (options.cursor) {
		const match = cursorPattern.exec(options.cursor);
		if (!match) throw new AppError("BAD_REQUEST", "This page link is not valid any more: reload the list.");
		after = sql`(${events.date}, ${events.id}) < (${match[1]}::date, ${match[2]}::uuid)`;
	}
	const rows = await db
		.select(publicEventColumns)
		.from(events)
		.where(and(eq(events.visibility, "public"), after))
		.orderBy(desc(events.date), desc(events.id))
		.limit(limit + 1);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		events: page.map((row) => toPublicEventCard(row, storage)),
		nextCursor: rows.length > limit && last ? `${last.date}|${last.id}` : null,
	};
}

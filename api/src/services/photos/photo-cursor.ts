import { AppError } from "@focus-racer/core";
import { photos } from "@focus-racer/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * Photo lists page newest first on (created_at, id). The cursor carries created_at as
 * PostgreSQL's own text (microseconds): a JS Date keeps milliseconds only, and a cursor
 * rounded to the millisecond skips the photos created in the same millisecond.
 */
export const photoCursorColumn = sql<string>`${photos.createdAt}::text`;

export function photoCursor(row: { cursorAt: string; id: string }): string {
	return `${row.cursorAt}|${row.id}`;
}

const cursorPattern = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?[+-]\d\d(?::?\d\d)?)\|([0-9a-f-]{36})$/i;

/** The position a cursor points at; a cursor that is not one of ours is a clear BAD_REQUEST. */
export function parsePhotoCursor(cursor: string): { cursorAt: string; cursorId: string } {
	const match = cursorPattern.exec(cursor);
	if (!match?.[1] || !match[2]) {
		throw new AppError("BAD_REQUEST", "This page link is not valid any more: reload the list.");
	}
	return { cursorAt: match[1], cursorId: match[2] };
}

/** The rows after a position, as a row comparison the (…, created_at, id) indexes answer. */
export function olderThan(position: { cursorAt: unknown; cursorId: unknown }): SQL {
	return sql`(${photos.createdAt}, ${photos.id}) < (${position.cursorAt}::timestamptz, ${position.cursorId}::uuid)`;
}

/** The rows after the cursor (none given: from the newest). */
export function olderThanCursor(cursor: string | undefined): SQL | undefined {
	return cursor ? olderThan(parsePhotoCursor(cursor)) : undefined;
}

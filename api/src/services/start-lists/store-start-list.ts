import type { StartListEntryInput } from "@focus-racer/core";
import {
	type Db,
	photoBibs,
	type StartListProvider,
	startListEntries,
	startListSources,
} from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";

/** Rows per insert statement: far below PostgreSQL's 65 535 parameters (7 per row). */
const chunkSize = 1000;

/**
 * Stores imported runners: new bibs are added, known ones updated (re-import updates by bib),
 * none removed (a runner missing from a partial export keeps their photos). Then the photos
 * already read are linked to the entries by bib, so a start list imported after the race
 * puts names on photos at once. Records the import on the event's source of that provider.
 */
export async function storeStartList(
	db: Db,
	options: { eventId: string; provider: StartListProvider; entries: readonly StartListEntryInput[] },
): Promise<{ created: number; updated: number; linkedPhotos: number }> {
	const { eventId, entries } = options;
	return db.transaction(async (tx) => {
		let created = 0;
		let updated = 0;
		for (let start = 0; start < entries.length; start += chunkSize) {
			const rows = await tx
				.insert(startListEntries)
				.values(entries.slice(start, start + chunkSize).map((entry) => ({ ...entry, eventId })))
				.onConflictDoUpdate({
					target: [startListEntries.eventId, startListEntries.bib],
					set: {
						firstName: sql`excluded.first_name`,
						lastName: sql`excluded.last_name`,
						email: sql`excluded.email`,
						category: sql`excluded.category`,
						club: sql`excluded.club`,
					},
				})
				// xmax = 0 only on rows this statement inserted (PostgreSQL's own tell).
				.returning({ inserted: sql<boolean>`(xmax = 0)` });
			for (const row of rows) {
				if (row.inserted) created++;
				else updated++;
			}
		}
		const linked = await tx
			.update(photoBibs)
			.set({ startListEntryId: startListEntries.id })
			.from(startListEntries)
			.where(
				and(
					eq(photoBibs.eventId, eventId),
					eq(startListEntries.eventId, eventId),
					eq(startListEntries.bib, photoBibs.bib),
					sql`${photoBibs.startListEntryId} is distinct from ${startListEntries.id}`,
				),
			)
			.returning({ id: photoBibs.id });
		await tx
			.insert(startListSources)
			.values({
				eventId,
				provider: options.provider,
				lastSyncAt: new Date(),
				lastSyncStatus: "succeeded",
				lastSyncCount: created + updated,
			})
			.onConflictDoUpdate({
				target: [startListSources.eventId, startListSources.provider],
				set: {
					lastSyncAt: new Date(),
					lastSyncStatus: "succeeded",
					lastSyncError: null,
					lastSyncReason: null,
					lastSyncCount: created + updated,
				},
			});
		return { created, updated, linkedPhotos: linked.length };
	});
}

import { requirePublicEvent } from "@focus-racer/core";
import { type Db, foldSearchText, photoBibs, startListEntries, subquery } from "@focus-racer/db";
import { and, asc, eq, like, sql } from "drizzle-orm";

/** Suggestions shown under the search box. */
const maxRunners = 20;

/**
 * Runners of the event's start list whose name contains every word typed, accent- and
 * case-insensitive ("jose gar" finds José García, in either order), with their photo count.
 */
export async function searchByName(options: {
	db: Db;
	user: { id: string; role: string } | null;
	eventId: string;
	query: string;
}) {
	const { db } = options;
	const event = await requirePublicEvent(db, { eventId: options.eventId, user: options.user });
	const words = foldSearchText(options.query)
		.split(/[\s,.'’-]+/)
		.filter((w) => w.length > 0)
		.slice(0, 5);
	if (words.length === 0) return { runners: [] };
	// Counted on photo_bibs alone (its event+bib index, no visit of photos: 4× cheaper, measured by
	// bench:api). Bibs are written when a photo's AI step succeeds, so a photo that then failed
	// may still count: an autocomplete hint, while the bib search itself shows ready photos only.
	const photoCount = sql<number>`(${subquery
		.select({ n: sql`count(*)::int` })
		.from(photoBibs)
		.where(and(eq(photoBibs.eventId, event.id), eq(photoBibs.bib, startListEntries.bib)))})`;
	const rows = await db
		.select({
			bib: startListEntries.bib,
			firstName: startListEntries.firstName,
			lastName: startListEntries.lastName,
			category: startListEntries.category,
			club: startListEntries.club,
			photoCount,
		})
		.from(startListEntries)
		.where(
			and(
				eq(startListEntries.eventId, event.id),
				// The words are matched literally: % and _ typed by someone are not wildcards.
				...words.map((w) => like(startListEntries.searchName, `%${w.replace(/[\\%_]/g, "\\$&")}%`)),
			),
		)
		// The folded name sorts alike in every database collation (C puts "García" after "Garcin").
		.orderBy(asc(startListEntries.searchName), asc(startListEntries.bib))
		.limit(maxRunners);
	return { runners: rows };
}

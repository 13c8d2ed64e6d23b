import { type BibOnPhoto, type DbOrTx, storedBibBox } from "@focus-racer/core";
import { photoBibs, selectBox } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";

/**
 * The bibs a photo's runners wear, as they stand now, by photo: read on it (ocr) or typed by a
 * pro (manual), with where they sit. What decides which face wears which bib, both in the AI
 * step (one photo) and in faces.cluster (a whole event). Face links and timing data are not
 * worn bibs: they say who is on the photo, not under which face.
 */
export async function wornBibs(
	db: DbOrTx,
	scope: { photoId: string } | { eventId: string },
): Promise<Map<string, BibOnPhoto[]>> {
	const rows = await db
		.select({
			photoId: photoBibs.photoId,
			bib: photoBibs.bib,
			box: selectBox(photoBibs),
		})
		.from(photoBibs)
		.where(
			and(
				"photoId" in scope ? eq(photoBibs.photoId, scope.photoId) : eq(photoBibs.eventId, scope.eventId),
				inArray(photoBibs.source, ["ocr", "manual"]),
			),
		);
	const byPhoto = new Map<string, BibOnPhoto[]>();
	for (const row of rows) {
		const list = byPhoto.get(row.photoId) ?? [];
		list.push({ bib: row.bib, box: storedBibBox(row.box) });
		byPhoto.set(row.photoId, list);
	}
	return byPhoto;
}

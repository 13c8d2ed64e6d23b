import { requirePublicEvent, type Storage } from "@focus-racer/core";
import { type Db, photoBibs, photos, startListEntries, subquery } from "@focus-racer/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { galleryPhotoColumns, toGalleryPhoto } from "../gallery/gallery-photo.ts";

/** More photos than any runner gets; the cap keeps one answer bounded. */
const maxPhotos = 1000;

/**
 * The two statements of a bib search, built once per database. The photos carry the runner's
 * name (a scalar subquery PostgreSQL runs once per statement, not per row), so a search is one
 * round trip; the name alone is read only when no photo has the bib yet. Every statement costs
 * PostgreSQL about as much as these index lookups themselves: this halves its work per search.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepareBibSearch>>();

function prepareBibSearch(db: Db) {
	const runner = subquery
		.select({ name: sql`array[${startListEntries.firstName}, ${startListEntries.lastName}]` })
		.from(startListEntries)
		.where(
			and(
				eq(startListEntries.eventId, sql.placeholder("eventId")),
				eq(startListEntries.bib, sql.placeholder("bib")),
			),
		);
	return {
		photos: db
			.select({ ...galleryPhotoColumns, runner: sql<[string, string] | null>`(${runner})` })
			.from(photoBibs)
			.innerJoin(photos, eq(photos.id, photoBibs.photoId))
			.where(
				and(
					eq(photoBibs.eventId, sql.placeholder("eventId")),
					eq(photoBibs.bib, sql.placeholder("bib")),
					eq(photos.status, "ready"),
				),
			)
			.orderBy(desc(photos.createdAt), desc(photos.id))
			.limit(maxPhotos)
			.prepare("bib_search_photos"),
		runner: db
			.select({ firstName: startListEntries.firstName, lastName: startListEntries.lastName })
			.from(startListEntries)
			.where(
				and(
					eq(startListEntries.eventId, sql.placeholder("eventId")),
					eq(startListEntries.bib, sql.placeholder("bib")),
				),
			)
			.prepare("bib_search_runner"),
	};
}

/**
 * A runner's photos by bib (exact match, as printed: "0042" is not "42"), with the name from the
 * start list when the bib is on it. One lookup of photo_bibs_event_bib_idx.
 */
export async function searchByBib(options: {
	db: Db;
	storage: Storage;
	user: { id: string; role: string } | null;
	eventId: string;
	bib: string;
}) {
	const { db, storage, bib } = options;
	const event = await requirePublicEvent(db, { eventId: options.eventId, user: options.user });
	let prepared = statements.get(db);
	if (!prepared) {
		prepared = prepareBibSearch(db);
		statements.set(db, prepared);
	}
	const params = { eventId: event.id, bib };
	const rows = await prepared.photos.execute(params);
	const first = rows[0];
	const runner = first
		? first.runner && { firstName: first.runner[0], lastName: first.runner[1] }
		: ((await prepared.runner.execute(params))[0] ?? null);
	return {
		bib,
		runner,
		photos: rows.map((row) => toGalleryPhoto(row, storage)),
	};
}

import { requirePublicEvent, type Storage } from "@focus-racer/core";
import { type Db, photos } from "@focus-racer/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { olderThan, parsePhotoCursor, photoCursor, photoCursorColumn } from "../photos/photo-cursor.ts";
import { galleryPageCache } from "./gallery-page-cache.ts";
import { galleryPhotoColumns, toGalleryPhoto } from "./gallery-photo.ts";

export interface ListGalleryPhotosOptions {
	db: Db;
	storage: Storage;
	user: { id: string; role: string } | null;
	eventId: string;
	cursor?: string | undefined;
	limit: number;
}

/**
 * The gallery's two statements (first page, page after a cursor), built once per database:
 * the gallery is the hottest read of the site, and building the SQL of a drizzle query costs
 * about as much as PostgreSQL takes to answer this one.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepareGalleryStatements>>();

function prepareGalleryStatements(db: Db) {
	const page = (after: SQL | undefined, name: string) =>
		db
			.select({ ...galleryPhotoColumns, cursorAt: photoCursorColumn })
			.from(photos)
			.where(and(eq(photos.eventId, sql.placeholder("eventId")), eq(photos.status, "ready"), after))
			.orderBy(desc(photos.createdAt), desc(photos.id))
			.limit(sql.placeholder("limit"))
			.prepare(name);
	return {
		first: page(undefined, "gallery_first_page"),
		after: page(
			olderThan({ cursorAt: sql.placeholder("cursorAt"), cursorId: sql.placeholder("cursorId") }),
			"gallery_after",
		),
	};
}

/**
 * An event's public gallery: its ready photos, newest first, a page at a time (infinite scroll).
 * One range scan of photos_event_status_created_idx per page, whatever the event's size. The
 * caller's access is checked on every call; the page itself may come from the page cache.
 */
export async function listGalleryPhotos(options: ListGalleryPhotosOptions) {
	const event = await requirePublicEvent(options.db, { eventId: options.eventId, user: options.user });
	return galleryPageCache(options.db).get(
		`${event.id}|${options.limit}|${options.cursor ?? ""}`,
		event.id,
		() => readGalleryPage({ ...options, eventId: event.id }),
	);
}

/** One page straight from the database (no access check, no cache): the bench times it alone. */
export async function readGalleryPage(options: Omit<ListGalleryPhotosOptions, "user">) {
	const { db, storage, limit } = options;
	let prepared = statements.get(db);
	if (!prepared) {
		prepared = prepareGalleryStatements(db);
		statements.set(db, prepared);
	}
	const rows = options.cursor
		? await prepared.after.execute({
				eventId: options.eventId,
				limit: limit + 1,
				...parsePhotoCursor(options.cursor),
			})
		: await prepared.first.execute({ eventId: options.eventId, limit: limit + 1 });
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		photos: page.map((row) => toGalleryPhoto(row, storage)),
		nextCursor: rows.length > limit && last ? photoCursor(last) : null,
	};
}

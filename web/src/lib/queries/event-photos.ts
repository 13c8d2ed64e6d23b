import { query } from "@solidjs/router";
import { type RouterInputs, trpc } from "../trpc.ts";

export type EventPhotosInput = RouterInputs["photos"]["list"];

/** The grid's state filter; "all" sends no status. */
export const photoFilters = ["all", "ready", "processing", "rejected", "failed"] as const;
export type PhotoFilter = (typeof photoFilters)[number];

export function isPhotoFilter(value: unknown): value is PhotoFilter {
	return typeof value === "string" && (photoFilters as readonly string[]).includes(value);
}

const pageSize = 60;

/** The input of an event grid's first page: one shape for the route preload and the page, so they share it. */
export function eventPhotosInput(eventId: string, filter: PhotoFilter): EventPhotosInput {
	return { eventId, limit: pageSize, ...(filter === "all" ? {} : { status: filter }) };
}

/**
 * One page of an event's photo grid (newest first). Keyed by its input, so the route preload
 * and the page share the first page; later pages pass the previous page's `nextCursor`.
 */
export const getEventPhotos = query(
	(input: EventPhotosInput) => trpc.photos.list.query(input),
	"photos.list",
);

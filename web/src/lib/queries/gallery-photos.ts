import { query } from "@solidjs/router";
import { type RouterInputs, trpc } from "../trpc.ts";

export type GalleryPhotosInput = RouterInputs["gallery"]["photos"];

/** PRODUCT §4: 100 photos a page (the server's maximum). */
export const galleryPageSize = 100;

/** A gallery page's input: one shape for the route preload and the page, so they share the first page. */
export function galleryPhotosInput(eventId: string, cursor?: string): GalleryPhotosInput {
	return cursor ? { eventId, limit: galleryPageSize, cursor } : { eventId, limit: galleryPageSize };
}

/** One page of an event's public gallery, newest first; later pages pass the previous `nextCursor`. */
export const getGalleryPhotos = query(
	(input: GalleryPhotosInput) => trpc.gallery.photos.query(input),
	"gallery.photos",
);

import type { Storage } from "@focus-racer/core";
import { photos } from "@focus-racer/db";

/**
 * What the public side knows of a photo: its watermarked thumbnail (lightbox), its micro
 * thumbnail (grids) and its size. Never a key or URL of the original or of the unwatermarked
 * web image: those exist only behind a paid order's signed links.
 */
export const galleryPhotoColumns = {
	id: photos.id,
	microKey: photos.microKey,
	thumbKey: photos.thumbKey,
	width: photos.width,
	height: photos.height,
	takenAt: photos.takenAt,
};

export interface GalleryPhotoRow {
	id: string;
	microKey: string | null;
	thumbKey: string | null;
	width: number | null;
	height: number | null;
	takenAt: Date | null;
}

export function toGalleryPhoto(row: GalleryPhotoRow, storage: Storage) {
	return {
		id: row.id,
		microUrl: row.microKey ? storage.publicUrl(row.microKey) : null,
		thumbUrl: row.thumbKey ? storage.publicUrl(row.thumbKey) : null,
		width: row.width,
		height: row.height,
		takenAt: row.takenAt,
	};
}

export type GalleryPhoto = ReturnType<typeof toGalleryPhoto>;

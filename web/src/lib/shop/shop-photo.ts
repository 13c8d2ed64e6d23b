import type { ShopPhoto } from "./shop-types.ts";

/** The fields kept of a photo in the browser (cart, guest favorites): its two public images and size. */
export function toShopPhoto(photo: ShopPhoto): ShopPhoto {
	return {
		id: photo.id,
		microUrl: photo.microUrl,
		thumbUrl: photo.thumbUrl,
		width: photo.width,
		height: photo.height,
	};
}

const optionalText = (value: unknown): string | null => (typeof value === "string" ? value : null);
const optionalSize = (value: unknown): number | null =>
	typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;

/** A photo read back from storage written by an older version or edited by hand: checked, never trusted. */
export function parseShopPhoto(value: unknown): ShopPhoto | undefined {
	if (typeof value !== "object" || value === null) return undefined;
	const record = value as Record<string, unknown>;
	if (typeof record.id !== "string" || record.id === "") return undefined;
	return {
		id: record.id,
		microUrl: optionalText(record.microUrl),
		thumbUrl: optionalText(record.thumbUrl),
		width: optionalSize(record.width),
		height: optionalSize(record.height),
	};
}

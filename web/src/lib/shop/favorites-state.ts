import { parseShopPhoto, toShopPhoto } from "./shop-photo.ts";
import type { ShopPhoto } from "./shop-types.ts";

/** Where a saved photo belongs, for links back to its gallery. */
export interface FavoriteEvent {
	id: string;
	slug: string;
	name: string;
}

/** A saved photo, the same for a guest (browser) and an account (server). */
export interface FavoriteEntry {
	photo: ShopPhoto;
	event: FavoriteEvent;
}

/** The server merges at most this many guest favorites at login (favorites.merge). */
export const maxGuestFavorites = 500;

function parseEvent(value: unknown): FavoriteEvent | undefined {
	if (typeof value !== "object" || value === null) return undefined;
	const { id, slug, name } = value as Record<string, unknown>;
	if (typeof id !== "string" || typeof slug !== "string" || typeof name !== "string") return undefined;
	return { id, slug, name };
}

/** A guest's list read back from storage: newest first, one entry per photo, junk dropped. */
export function parseGuestFavorites(value: unknown): FavoriteEntry[] {
	if (!Array.isArray(value)) return [];
	const seen = new Set<string>();
	const entries: FavoriteEntry[] = [];
	for (const item of value) {
		if (typeof item !== "object" || item === null) continue;
		const record = item as Record<string, unknown>;
		const photo = parseShopPhoto(record.photo);
		const event = parseEvent(record.event);
		if (!photo || !event || seen.has(photo.id)) continue;
		seen.add(photo.id);
		entries.push({ photo, event });
	}
	return entries.slice(0, maxGuestFavorites);
}

export function withFavorite(entries: readonly FavoriteEntry[], entry: FavoriteEntry): FavoriteEntry[] {
	const rest = entries.filter((e) => e.photo.id !== entry.photo.id);
	return [{ photo: toShopPhoto(entry.photo), event: entry.event }, ...rest].slice(0, maxGuestFavorites);
}

export function withoutFavorite(entries: readonly FavoriteEntry[], photoId: string): FavoriteEntry[] {
	return entries.filter((e) => e.photo.id !== photoId);
}

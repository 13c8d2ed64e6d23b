import {
	type BrandingImageKind,
	brandingKey,
	mediaVersion,
	prepareBrandingImage,
	requireEventManager,
	type Storage,
} from "@focus-racer/core";
import { type Db, events } from "@focus-racer/db";
import { eq } from "drizzle-orm";

const column = { poster: "posterKey", logo: "logoKey" } as const;

/**
 * Stores an event's new poster or logo under a new versioned key (public, cached a year as
 * immutable), points the event at it, then deletes the previous file. `image` null removes it.
 */
export async function setEventBranding(
	deps: { db: Db; storage: Storage; maxPixels: number },
	user: { id: string; role: string },
	options: { eventId: string; kind: BrandingImageKind; image: Buffer | null },
): Promise<{ url: string | null }> {
	const { db, storage } = deps;
	await requireEventManager(db, { eventId: options.eventId, user });
	const [before] = await db
		.select({ posterKey: events.posterKey, logoKey: events.logoKey })
		.from(events)
		.where(eq(events.id, options.eventId));
	const previous = before?.[column[options.kind]] ?? null;
	let key: string | null = null;
	if (options.image) {
		const prepared = await prepareBrandingImage(options.image, options.kind, { maxPixels: deps.maxPixels });
		key = brandingKey({
			eventId: options.eventId,
			name: options.kind,
			ext: "webp",
			version: mediaVersion(prepared.bytes),
		});
		await storage.put(key, prepared.bytes, { contentType: prepared.contentType });
	}
	await db
		.update(events)
		.set({ [column[options.kind]]: key })
		.where(eq(events.id, options.eventId));
	if (previous && previous !== key) await storage.delete(previous);
	return { url: key ? storage.publicUrl(key) : null };
}

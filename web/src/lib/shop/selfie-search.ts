import { shrinkImage } from "../upload/shrink-image.ts";
import type { ShopPhoto } from "./shop-types.ts";

/**
 * The selfie search is plain HTTP (one binary body, which tRPC does not carry), so its answer
 * is checked here rather than typed by the router; the photo fields are the gallery's.
 */
export type SelfieOutcome =
	| { ok: true; photos: ShopPhoto[] }
	| { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
	| {
			ok: false;
			reason: "too_large" | "unreadable" | "unavailable" | "network" | "failed";
			message?: string;
	  };

function parseMatches(body: unknown): ShopPhoto[] | undefined {
	if (typeof body !== "object" || body === null) return undefined;
	const photos = (body as { photos?: unknown }).photos;
	if (!Array.isArray(photos)) return undefined;
	return photos.flatMap((item): ShopPhoto[] => {
		if (typeof item !== "object" || item === null) return [];
		const { photoId, microUrl, thumbUrl } = item as Record<string, unknown>;
		if (typeof photoId !== "string") return [];
		return [
			{
				id: photoId,
				microUrl: typeof microUrl === "string" ? microUrl : null,
				thumbUrl: typeof thumbUrl === "string" ? thumbUrl : null,
				width: null,
				height: null,
			},
		];
	});
}

function errorMessage(body: unknown): string | undefined {
	const error = (body as { error?: { message?: unknown } } | null)?.error;
	return typeof error?.message === "string" ? error.message : undefined;
}

/**
 * Sends the selfie (shrunk to 2400 px when the browser can decode it: quicker on a phone's data
 * plan, and plenty for a face) and answers the event's matching photos, most similar first.
 * The server reads it from memory and forgets it; nothing is kept here either.
 */
export async function searchBySelfie(
	eventId: string,
	file: File,
	signal?: AbortSignal,
): Promise<SelfieOutcome> {
	const body = (await shrinkImage(file)) ?? file;
	const type = body.type.startsWith("image/") ? body.type : "image/jpeg";
	let response: Response;
	try {
		response = await fetch(`/api/events/${encodeURIComponent(eventId)}/selfie-search`, {
			method: "POST",
			headers: { "content-type": type },
			body,
			credentials: "same-origin",
			signal,
		});
	} catch {
		return { ok: false, reason: "network" };
	}
	const json: unknown = await response.json().catch(() => undefined);
	if (response.ok) {
		const photos = parseMatches(json);
		return photos ? { ok: true, photos } : { ok: false, reason: "failed" };
	}
	const message = errorMessage(json);
	if (response.status === 429) {
		const retryAfterSeconds = Number(response.headers.get("retry-after")) || 60;
		return { ok: false, reason: "rate_limited", retryAfterSeconds };
	}
	if (response.status === 413) return { ok: false, reason: "too_large", message };
	if (response.status === 400) {
		// "Selfie search is turned off" and "not a photo we can read" are both 400s: the message tells.
		return { ok: false, reason: /turned off/i.test(message ?? "") ? "unavailable" : "unreadable", message };
	}
	return { ok: false, reason: "failed", message };
}

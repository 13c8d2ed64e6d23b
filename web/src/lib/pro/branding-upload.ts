/** An event's poster or its logo (`PUT|DELETE /api/events/:eventId/branding/:kind`). */
export type BrandingKind = "poster" | "logo";

/** The route's own limit; checked here too so a huge file is refused before it is sent. */
export const brandingMaxBytes = 20 * 1024 * 1024;

/** The route refused the image: its error code, and its (English) reason for the console. */
export class BrandingUploadError extends Error {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.code = code;
	}
}

async function send(eventId: string, kind: BrandingKind, init: RequestInit): Promise<{ url: string | null }> {
	let response: Response;
	try {
		response = await fetch(`/api/events/${encodeURIComponent(eventId)}/branding/${kind}`, {
			...init,
			credentials: "same-origin",
		});
	} catch {
		throw new BrandingUploadError("NETWORK", "The server could not be reached.");
	}
	const body = (await response.json().catch(() => null)) as {
		url?: string | null;
		error?: { code?: string; message?: string };
	} | null;
	if (!response.ok || !body || body.error) {
		throw new BrandingUploadError(body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? "");
	}
	return { url: body.url ?? null };
}

/**
 * Plain HTTP rather than tRPC: one binary upload, the image itself as the body. The server
 * shrinks it and answers its new public URL for the preview.
 */
export function putBrandingImage(
	eventId: string,
	kind: BrandingKind,
	file: File,
): Promise<{ url: string | null }> {
	return send(eventId, kind, {
		method: "PUT",
		headers: { "content-type": file.type || "image/jpeg" },
		body: file,
	});
}

export function removeBrandingImage(eventId: string, kind: BrandingKind): Promise<{ url: string | null }> {
	return send(eventId, kind, { method: "DELETE" });
}

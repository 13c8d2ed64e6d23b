/**
 * `POST /api/events/:eventId/photos?batch=…`: one chunk of an import, as multipart/form-data
 * (`clientRefs`, then `takenAts`, then one `file` part per photo — the server reads them in
 * that order). XMLHttpRequest rather than fetch: only it reports upload progress.
 *
 * This endpoint streams multipart outside tRPC, so its answer has no inferred type: it is read
 * defensively here (never trusted to match a hand-written copy).
 */

export interface ChunkFile {
	clientRef: string;
	name: string;
	body: Blob;
	/** ISO date from the original's EXIF, when the body lost it (shrunk through a canvas). */
	takenAt: string | null;
}

export type ChunkResult =
	| { clientRef: string; name: string; status: "accepted"; photoId: string }
	| { clientRef: string; name: string; status: "rejected"; reason: string; message: string };

/** Why a chunk request failed as a whole: an HTTP status (0 = no answer) and the server's code. */
export class ChunkUploadError extends Error {
	override name = "ChunkUploadError";
	readonly status: number;
	readonly code: string;
	constructor(status: number, code: string, message: string) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

export function postPhotoChunk(options: {
	eventId: string;
	batchId: string;
	files: readonly ChunkFile[];
	onProgress: (loaded: number, total: number) => void;
	signal?: AbortSignal;
}): Promise<ChunkResult[]> {
	const form = new FormData();
	form.append("clientRefs", JSON.stringify(options.files.map((f) => f.clientRef)));
	form.append("takenAts", JSON.stringify(options.files.map((f) => f.takenAt)));
	for (const file of options.files) form.append("file", file.body, file.name);
	const url = `/api/events/${encodeURIComponent(options.eventId)}/photos?batch=${encodeURIComponent(options.batchId)}`;

	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open("POST", url);
		xhr.responseType = "text";
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable) options.onProgress(event.loaded, event.total);
		};
		xhr.onload = () => {
			const body = parseJson(xhr.responseText);
			if (xhr.status === 200) {
				const results = readResults(body, options.files);
				if (results) resolve(results);
				else reject(new ChunkUploadError(xhr.status, "BAD_RESPONSE", "Unexpected answer from the server."));
				return;
			}
			const error = readError(body);
			reject(new ChunkUploadError(xhr.status, error.code, error.message));
		};
		xhr.onerror = () => reject(new ChunkUploadError(0, "NETWORK", "The server could not be reached."));
		xhr.ontimeout = xhr.onerror;
		xhr.onabort = () => reject(new ChunkUploadError(0, "ABORTED", "Upload cancelled."));
		options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
		xhr.send(form);
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null;
}

/**
 * One outcome per file sent, matched by clientRef. A file the server did not mention makes the
 * whole answer unusable: the chunk is then retried as a whole (the server recognises the files
 * it already has by their clientRef).
 */
function readResults(body: unknown, files: readonly ChunkFile[]): ChunkResult[] | undefined {
	if (!isRecord(body) || !Array.isArray(body.results)) return undefined;
	const byRef = new Map<string, ChunkResult>();
	for (const item of body.results) {
		if (!isRecord(item) || typeof item.clientRef !== "string") continue;
		const name = typeof item.name === "string" ? item.name : "";
		if (item.status === "accepted" && typeof item.photoId === "string") {
			byRef.set(item.clientRef, {
				clientRef: item.clientRef,
				name,
				status: "accepted",
				photoId: item.photoId,
			});
		} else if (item.status === "rejected") {
			byRef.set(item.clientRef, {
				clientRef: item.clientRef,
				name,
				status: "rejected",
				reason: typeof item.reason === "string" ? item.reason : "unknown",
				message: typeof item.message === "string" ? item.message : "",
			});
		}
	}
	const results: ChunkResult[] = [];
	for (const file of files) {
		const result = byRef.get(file.clientRef);
		if (!result) return undefined;
		results.push(result);
	}
	return results;
}

function readError(body: unknown): { code: string; message: string } {
	const error = isRecord(body) && isRecord(body.error) ? body.error : {};
	return {
		code: typeof error.code === "string" ? error.code : "HTTP_ERROR",
		message: typeof error.message === "string" ? error.message : "",
	};
}

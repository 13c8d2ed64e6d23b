import { batch, createMemo } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { trpc, type UploadProgressEvent } from "../trpc.ts";
import { chunkLimits, nextChunkLength } from "./chunking.ts";
import { newClientRef } from "./client-ref.ts";
import { readFileTakenAt } from "./exif-date.ts";
import { type ChunkFile, type ChunkResult, ChunkUploadError, postPhotoChunk } from "./post-photos.ts";
import { shrinkImage } from "./shrink-image.ts";

/** PRODUCT.md §3: 4 photos shrunk at once. */
const compressConcurrency = 4;
/** Two requests in flight: one streams while the server stores the other's files. */
const sendConcurrency = 2;
/** Shrunk photos waiting for their request, at most: memory stays bounded when the network is slow. */
const maxUnsent = chunkLimits.files * 3;

/**
 * Where one file of the import stands. `rejected` and `failed` say why in `reason` (a stable
 * code the page translates) and the server's own words in `message`.
 */
export type ItemPhase =
	| "waiting"
	| "compressing"
	| "queued"
	| "sending"
	| "sendFailed"
	| "uploaded"
	| "processing"
	| "ready"
	| "rejected"
	| "failed"
	| "cancelled";

export interface UploadItem {
	clientRef: string;
	name: string;
	/** Bytes of the file picked, and of what is (or will be) sent. */
	size: number;
	sentSize: number | null;
	phase: ItemPhase;
	/** Sub-step while processing ("derivatives", "ai"…). */
	step: string | null;
	photoId: string | null;
	reason: string | null;
	message: string | null;
	/** Which side said no: the browser before sending, the upload, or the processing. */
	rejectedBy: "browser" | "upload" | "processing" | null;
}

export interface UploadChunk {
	id: number;
	refs: string[];
	state: "sending" | "sent" | "failed" | "cancelled";
	loaded: number;
	total: number;
	attempts: number;
	error: { status: number; code: string; message: string } | null;
}

/** The import as a whole stopped: credits ran out, the session ended, the event is gone. */
export interface UploadFatal {
	kind: "credits" | "auth" | "notFound";
	message: string;
}

export type Connection = "connecting" | "live" | "reconnecting" | "closed";

interface RunState {
	items: UploadItem[];
	chunks: UploadChunk[];
	fatal: UploadFatal | null;
	connection: Connection;
	compressionDone: boolean;
	cancelled: boolean;
}

export interface UploadRunOptions {
	eventId: string;
	batchId: string;
	files: readonly File[];
	/** Send the files as they are (no shrink). */
	fullResolution: boolean;
	/** Called once, when every photo reached its final state. */
	onFinished?: () => void;
}

export type UploadRun = ReturnType<typeof startUploadRun>;

const finalPhases: ReadonlySet<ItemPhase> = new Set(["ready", "rejected", "failed", "cancelled"]);
const acceptedPhases: ReadonlySet<ItemPhase> = new Set(["uploaded", "processing", "ready", "failed"]);

/**
 * One import, from the files picked to every photo processed: shrink (4 at a time) → chunks of
 * 25 over XMLHttpRequest with real progress → live per-photo progress over SSE. A failed chunk
 * keeps its files and clientRefs: `retry` resends exactly that request, and the server answers
 * with the photos it already made, charging nothing twice. The SSE stream resumes after the last
 * event seen, both when the browser reconnects by itself and when the stream is restarted here.
 */
export function startUploadRun(options: UploadRunOptions) {
	const [state, setState] = createStore<RunState>({
		items: options.files.map((file) => ({
			clientRef: newClientRef(),
			name: file.name,
			size: file.size,
			sentSize: null,
			phase: "waiting",
			step: null,
			photoId: null,
			reason: null,
			message: null,
			rejectedBy: null,
		})),
		chunks: [],
		fatal: null,
		connection: "connecting",
		compressionDone: false,
		cancelled: false,
	});

	const indexByRef = new Map(state.items.map((item, index) => [item.clientRef, index]));
	const refByPhoto = new Map<string, string>();
	/** Progress seen before the upload's answer told which file the photo is. */
	const earlyEvents = new Map<string, UploadProgressEvent>();
	/** Prepared files waiting for a request, in order. */
	const queue: ChunkFile[] = [];
	/** Files of each chunk, kept until it is sent (a retry resends them). */
	const chunkFiles = new Map<number, ChunkFile[]>();
	const requests = new Set<AbortController>();
	let unsent = 0;
	let inFlight = 0;
	let nextFile = 0;
	let finished = false;
	let spaceWaiters: Array<() => void> = [];

	const update = (ref: string, patch: Partial<UploadItem>) => {
		const index = indexByRef.get(ref);
		if (index !== undefined) setState("items", index, patch);
	};
	const itemOf = (ref: string) => {
		const index = indexByRef.get(ref);
		return index === undefined ? undefined : state.items[index];
	};
	const stopped = () => state.cancelled || state.fatal !== null;

	// --- 1. Shrink ----------------------------------------------------------------------------

	const waitForSpace = () =>
		unsent < maxUnsent ? Promise.resolve() : new Promise<void>((resolve) => spaceWaiters.push(resolve));
	const releaseSpace = (count: number) => {
		unsent -= count;
		const waiting = spaceWaiters;
		spaceWaiters = [];
		for (const resume of waiting) resume();
	};

	const prepare = async (file: File, ref: string): Promise<ChunkFile> => {
		if (options.fullResolution) return { clientRef: ref, name: file.name, body: file, takenAt: null };
		const isJpeg = file.type === "image/jpeg" || /\.jpe?g$/i.test(file.name);
		const [shrunk, takenAt] = await Promise.all([
			shrinkImage(file),
			isJpeg ? readFileTakenAt(file) : Promise.resolve(null),
		]);
		return { clientRef: ref, name: file.name, body: shrunk ?? file, takenAt };
	};

	const compressWorker = async () => {
		while (!stopped()) {
			await waitForSpace();
			if (stopped()) return;
			const index = nextFile++;
			const file = options.files[index];
			const item = state.items[index];
			if (!file || !item) return;
			unsent++;
			update(item.clientRef, { phase: "compressing" });
			const prepared = await prepare(file, item.clientRef);
			if (stopped()) return;
			if (prepared.body.size > chunkLimits.fileBytes) {
				// The server would read 60 MB of it and refuse it: say so without sending it.
				releaseSpace(1);
				update(item.clientRef, { phase: "rejected", reason: "too_large", rejectedBy: "browser" });
				continue;
			}
			update(item.clientRef, { phase: "queued", sentSize: prepared.body.size });
			queue.push(prepared);
			pump();
		}
	};

	// --- 2. Upload ----------------------------------------------------------------------------

	/** Starts as many requests as allowed with what is ready; called after every change. */
	const pump = () => {
		while (!stopped() && inFlight < sendConcurrency) {
			const length = nextChunkLength(
				queue.map((f) => f.body.size),
				state.compressionDone,
			);
			if (length === 0) break;
			const files = queue.splice(0, length);
			const id = state.chunks.length;
			chunkFiles.set(id, files);
			setState("chunks", id, {
				id,
				refs: files.map((f) => f.clientRef),
				state: "sending",
				loaded: 0,
				total: 0,
				attempts: 0,
				error: null,
			});
			void send(id);
		}
		checkFinished();
	};

	const send = async (id: number) => {
		const files = chunkFiles.get(id);
		if (!files) return;
		inFlight++;
		const controller = new AbortController();
		requests.add(controller);
		batch(() => {
			setState("chunks", id, (c) => ({
				state: "sending" as const,
				loaded: 0,
				error: null,
				attempts: c.attempts + 1,
			}));
			for (const f of files) update(f.clientRef, { phase: "sending" });
		});
		try {
			const results = await postPhotoChunk({
				eventId: options.eventId,
				batchId: options.batchId,
				files,
				signal: controller.signal,
				onProgress: (loaded, total) => setState("chunks", id, { loaded, total }),
			});
			batch(() => {
				setState("chunks", id, (c) => ({ state: "sent" as const, loaded: c.total, error: null }));
				for (const result of results) applyResult(result);
			});
			chunkFiles.delete(id);
			releaseSpace(files.length);
			if (results.some((r) => r.status === "rejected" && r.reason === "no_credits")) {
				fail({ kind: "credits", message: "" });
			}
		} catch (err) {
			const error = err instanceof ChunkUploadError ? err : new ChunkUploadError(0, "UNKNOWN", String(err));
			if (error.code === "ABORTED" && state.cancelled) return;
			batch(() => {
				setState("chunks", id, {
					state: "failed",
					error: { status: error.status, code: error.code, message: error.message },
				});
				for (const f of files) update(f.clientRef, { phase: "sendFailed" });
			});
			if (error.status === 401) fail({ kind: "auth", message: error.message });
			else if (error.status === 402) fail({ kind: "credits", message: error.message });
			else if (error.status === 404) fail({ kind: "notFound", message: error.message });
		} finally {
			requests.delete(controller);
			inFlight--;
			pump();
		}
	};

	const applyResult = (result: ChunkResult) => {
		if (result.status === "rejected") {
			update(result.clientRef, {
				phase: "rejected",
				reason: result.reason,
				message: result.message,
				rejectedBy: "upload",
			});
			return;
		}
		refByPhoto.set(result.photoId, result.clientRef);
		const current = itemOf(result.clientRef);
		// A retried chunk may answer for photos whose progress is already known.
		if (
			current &&
			(current.phase === "sending" || current.phase === "sendFailed" || current.phase === "queued")
		) {
			update(result.clientRef, { phase: "uploaded", photoId: result.photoId });
		}
		const early = earlyEvents.get(result.photoId);
		if (early) {
			earlyEvents.delete(result.photoId);
			applyProgress(early);
		}
	};

	/** Resends a failed chunk as it was: same files, same clientRefs. */
	const retry = (id: number) => {
		const chunk = state.chunks[id];
		if (chunk?.state !== "failed" || stopped()) return;
		void send(id);
	};
	const retryAll = () => {
		for (const chunk of state.chunks) if (chunk.state === "failed") retry(chunk.id);
	};

	// --- 3. Processing (SSE) ------------------------------------------------------------------

	let lastEventId: string | undefined;
	let lastEventAt = Date.now();
	let failedStreams = 0;
	let subscription: { unsubscribe: () => void } | undefined;
	let resubscribeTimer: ReturnType<typeof setTimeout> | undefined;

	const applyProgress = (event: UploadProgressEvent) => {
		const ref = refByPhoto.get(event.photoId);
		if (!ref) {
			earlyEvents.set(event.photoId, event);
			return;
		}
		const current = itemOf(ref);
		if (!current) return;
		switch (event.status) {
			case "uploaded":
				if (!acceptedPhases.has(current.phase)) update(ref, { phase: "uploaded", photoId: event.photoId });
				break;
			case "processing":
				update(ref, { phase: "processing", step: event.step, photoId: event.photoId });
				break;
			case "ready":
				update(ref, { phase: "ready", step: null, reason: null, message: null, rejectedBy: null });
				break;
			case "rejected":
				update(ref, { phase: "rejected", step: null, message: event.message, rejectedBy: "processing" });
				scheduleReasonLookup();
				break;
			case "failed":
				update(ref, { phase: "failed", step: null, reason: "failed", message: event.message });
				break;
		}
		checkFinished();
	};

	const subscribe = () => {
		subscription?.unsubscribe();
		subscription = trpc.uploads.progress.subscribe(
			{ batchId: options.batchId, lastEventId },
			{
				onStarted: () => setState("connection", "live"),
				onData: (tracked) => {
					lastEventId = tracked.id;
					lastEventAt = Date.now();
					failedStreams = 0;
					applyProgress(tracked.data);
				},
				onConnectionStateChange: (connection) => {
					if (connection.state === "connecting" && connection.error) setState("connection", "reconnecting");
					else if (connection.state === "pending") setState("connection", "live");
				},
				onError: () => {
					// The stream ended with an error: start it again after the last event seen.
					if (finished || state.cancelled) return;
					setState("connection", "reconnecting");
					clearTimeout(resubscribeTimer);
					failedStreams++;
					resubscribeTimer = setTimeout(subscribe, Math.min(30_000, 2000 * failedStreams));
				},
			},
		);
	};

	// Safety net for a stream that stays silent (a proxy buffering SSE, a lost connection not yet
	// noticed): while photos are still being processed and nothing came for a while, read their
	// states from the grid's list instead.
	const quietMs = 20_000;
	const safetyTimer = setInterval(() => {
		if (finished || Date.now() - lastEventAt < quietMs) return;
		if (!state.items.some((i) => i.photoId && !finalPhases.has(i.phase))) return;
		lastEventAt = Date.now();
		void readStatesFromList();
	}, 5000);
	const readStatesFromList = async () => {
		const waiting = new Set(
			state.items.filter((i) => i.photoId && !finalPhases.has(i.phase)).map((i) => i.photoId as string),
		);
		try {
			let cursor: string | undefined;
			for (let page = 0; page < 10 && waiting.size > 0; page++) {
				const result = await trpc.photos.list.query({
					eventId: options.eventId,
					limit: 100,
					...(cursor ? { cursor } : {}),
				});
				batch(() => {
					for (const photo of result.photos) {
						const ref = refByPhoto.get(photo.id);
						if (!ref || !waiting.has(photo.id)) continue;
						if (photo.status === "ready") update(ref, { phase: "ready", step: null });
						else if (photo.status === "failed") {
							update(ref, { phase: "failed", step: null, reason: "failed", message: photo.statusReason });
						} else if (photo.status === "rejected") {
							update(ref, {
								phase: "rejected",
								step: null,
								reason: photo.rejectionReason ?? "unknown",
								message: photo.statusReason,
								rejectedBy: "processing",
							});
						} else continue;
						waiting.delete(photo.id);
					}
				});
				if (!result.nextCursor) break;
				cursor = result.nextCursor;
			}
		} catch {
			// The stream or the next round will tell.
		}
		checkFinished();
	};

	// Photos rejected while processing (duplicate, blurry, unreadable): the progress row carries
	// a message in English; the photo itself has the stable reason the page translates.
	let reasonTimer: ReturnType<typeof setTimeout> | undefined;
	let lookingUp = false;
	const scheduleReasonLookup = () => {
		clearTimeout(reasonTimer);
		reasonTimer = setTimeout(() => void lookUpReasons(), 800);
	};
	const lookUpReasons = async () => {
		if (lookingUp) return scheduleReasonLookup();
		const missing = new Set(
			state.items
				.filter((i) => i.rejectedBy === "processing" && !i.reason && i.photoId)
				.map((i) => i.photoId as string),
		);
		if (missing.size === 0) return;
		lookingUp = true;
		try {
			let cursor: string | undefined;
			// Newest first: this import's photos are on the first page or two.
			for (let page = 0; page < 5 && missing.size > 0; page++) {
				const result = await trpc.photos.list.query({
					eventId: options.eventId,
					status: "rejected",
					limit: 100,
					...(cursor ? { cursor } : {}),
				});
				batch(() => {
					for (const photo of result.photos) {
						const ref = refByPhoto.get(photo.id);
						if (!ref || !missing.has(photo.id)) continue;
						missing.delete(photo.id);
						update(ref, { reason: photo.rejectionReason ?? "unknown" });
					}
				});
				if (!result.nextCursor) break;
				cursor = result.nextCursor;
			}
		} catch {
			// The server's message is still shown; the next rejection tries again.
		} finally {
			lookingUp = false;
		}
	};

	// --- Lifecycle ----------------------------------------------------------------------------

	const fail = (fatal: UploadFatal) => {
		if (state.fatal) return;
		batch(() => {
			setState("fatal", fatal);
			setState(
				"chunks",
				produce((chunks) => {
					for (const chunk of chunks) if (chunk.state === "failed") chunk.state = "cancelled";
				}),
			);
			// Nothing more is sent: files not sent yet will not be imported.
			setState(
				"items",
				produce((items) => {
					for (const item of items) {
						if (["waiting", "compressing", "queued", "sendFailed"].includes(item.phase)) {
							item.phase = fatal.kind === "credits" ? "rejected" : "cancelled";
							if (fatal.kind === "credits") {
								item.reason = "no_credits";
								item.rejectedBy = "browser";
							}
						}
					}
				}),
			);
		});
		queue.length = 0;
		for (const id of [...chunkFiles.keys()])
			if (state.chunks[id]?.state === "cancelled") chunkFiles.delete(id);
		releaseSpace(0);
		checkFinished();
	};

	const checkFinished = () => {
		if (finished) return;
		if (!state.compressionDone && !stopped()) return;
		if (inFlight > 0 || queue.length > 0) return;
		if (!isFinished()) return;
		finished = true;
		clearTimeout(resubscribeTimer);
		clearInterval(safetyTimer);
		subscription?.unsubscribe();
		setState("connection", "closed");
		options.onFinished?.();
	};

	/** Stops shrinking and sending; photos already uploaded keep processing on the server. */
	const cancel = () => {
		if (state.cancelled || finished) return;
		batch(() => {
			setState("cancelled", true);
			setState(
				"items",
				produce((items) => {
					for (const item of items) {
						if (["waiting", "compressing", "queued", "sending", "sendFailed"].includes(item.phase)) {
							item.phase = "cancelled";
						}
					}
				}),
			);
			setState(
				"chunks",
				produce((chunks) => {
					for (const chunk of chunks) if (chunk.state !== "sent") chunk.state = "cancelled";
				}),
			);
		});
		for (const request of requests) request.abort();
		queue.length = 0;
		chunkFiles.clear();
		releaseSpace(0);
		checkFinished();
	};

	/** Leaving the page: nothing keeps running in the background. */
	const dispose = () => {
		cancel();
		clearTimeout(resubscribeTimer);
		clearTimeout(reasonTimer);
		clearInterval(safetyTimer);
		subscription?.unsubscribe();
	};

	// --- Derived figures for the timeline ----------------------------------------------------

	const isFinished = createMemo(
		() =>
			(state.compressionDone || stopped()) &&
			state.chunks.every((c) => c.state === "sent" || c.state === "cancelled") &&
			state.items.every((i) => finalPhases.has(i.phase)),
	);

	const counts = createMemo(() => {
		let total = 0;
		let prepared = 0;
		let sent = 0;
		let accepted = 0;
		let processed = 0;
		let ready = 0;
		let rejected = 0;
		let failed = 0;
		let cancelled = 0;
		for (const item of state.items) {
			if (item.rejectedBy === "browser") {
				rejected++;
				continue;
			}
			total++;
			if (item.phase === "cancelled") {
				cancelled++;
				continue;
			}
			if (item.phase !== "waiting" && item.phase !== "compressing") prepared++;
			if (acceptedPhases.has(item.phase) || item.rejectedBy !== null) sent++;
			if (item.photoId) accepted++;
			if (item.phase === "ready") ready++;
			if (item.phase === "rejected") rejected++;
			if (item.phase === "failed") failed++;
			if (item.phase === "ready" || item.phase === "failed" || item.rejectedBy === "processing") processed++;
		}
		let sending = 0;
		for (const chunk of state.chunks) {
			if (chunk.state === "sending" && chunk.total > 0)
				sending += (chunk.loaded / chunk.total) * chunk.refs.length;
		}
		const toSend = Math.max(0, total - cancelled);
		const toProcess = Math.max(0, toSend - state.items.filter((i) => i.rejectedBy === "upload").length);
		return {
			total,
			toSend,
			prepared,
			sent,
			sentProgress: toSend === 0 ? 1 : Math.min(1, (sent + sending) / toSend),
			accepted,
			toProcess,
			processed,
			ready,
			rejected,
			failed,
			cancelled,
		};
	});

	const failedChunks = createMemo(() => state.chunks.filter((c) => c.state === "failed"));

	/** 0…1 over the whole import; shrinking weighs little, sending and processing the rest. */
	const progress = createMemo(() => {
		const c = counts();
		const weights = options.fullResolution
			? { prepare: 0, send: 0.5, process: 0.5 }
			: { prepare: 0.15, send: 0.45, process: 0.4 };
		const prepared = c.toSend === 0 ? 1 : c.prepared / c.toSend;
		const processed = c.toProcess === 0 ? (isFinished() ? 1 : 0) : c.processed / c.toProcess;
		return Math.min(
			1,
			weights.prepare * prepared + weights.send * c.sentProgress + weights.process * processed,
		);
	});

	// --- Go -----------------------------------------------------------------------------------

	subscribe();
	void Promise.all(
		Array.from({ length: Math.min(compressConcurrency, options.files.length) }, compressWorker),
	).then(() => {
		setState("compressionDone", true);
		pump();
	});

	return {
		state,
		counts,
		progress,
		failedChunks,
		isFinished,
		fullResolution: options.fullResolution,
		retry,
		retryAll,
		cancel,
		dispose,
	};
}

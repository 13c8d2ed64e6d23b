import { Readable } from "node:stream";
import { AppError } from "@focus-racer/core";
import { type UploadBatch, uploadBatches } from "@focus-racer/db";
import type { HttpBindings } from "@hono/node-server";
import busboy from "busboy";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import * as v from "valibot";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { authenticateRequest } from "../services/auth/authenticate-request.ts";
import { acceptPhotoFile, type UploadFileResult } from "../services/uploads/accept-photo-file.ts";
import { createUploadBatch } from "../services/uploads/create-upload-batch.ts";
import { appErrorStatus } from "./app-error-status.ts";

/** PRODUCT.md §3: chunks of 25 photos; Caddy allows 100 MB bodies. */
export const uploadLimits = {
	files: 25,
	requestBytes: 100 * 1024 * 1024,
	fileBytes: 60 * 1024 * 1024,
} as const;

const paramsSchema = v.object({ eventId: v.pipe(v.string(), v.uuid("Unknown event.")) });
const querySchema = v.object({
	batch: v.optional(v.pipe(v.string(), v.uuid("Unknown upload batch."))),
	/** Files in this request, so a batch-less request is refused up front when credits lack. */
	count: v.optional(
		v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(uploadLimits.files)),
	),
});

interface IncomingFile {
	name: string;
	clientRef?: string | undefined;
	/** EXIF date read by the browser before it shrank the file (a canvas drops EXIF). */
	clientTakenAt?: Date | undefined;
	buffer: Buffer;
	tooLarge: boolean;
}

/**
 * `POST /api/events/:eventId/photos?batch=…` multipart (`file` parts, optional `clientRefs` JSON
 * field before them): the one upload endpoint, outside tRPC because it streams multipart. Files
 * are read one at a time (never the whole request in memory) and each gets its own outcome, so
 * a broken file fails alone.
 */
export function mountUploadRoute(app: App, deps: AppDeps): void {
	app.post("/api/events/:eventId/photos", async (c) => {
		try {
			return await handleUpload(c, deps);
		} catch (err) {
			if (err instanceof AppError)
				return c.json({ error: { code: err.code, message: err.message } }, appErrorStatus(err.code));
			throw err;
		}
	});
}

async function handleUpload(c: Context<{ Bindings: HttpBindings }>, deps: AppDeps): Promise<Response> {
	const { queue, storage } = deps;
	if (!queue || !storage) throw new Error("uploads need the queue and the storage (AppDeps)");
	const auth = await authenticateRequest(deps, c.req.raw.headers);
	if (!auth.user) throw new AppError("UNAUTHORIZED", "Please log in.");
	const user = auth.user;
	const params = v.safeParse(paramsSchema, c.req.param());
	const query = v.safeParse(querySchema, c.req.query());
	if (!params.success) throw new AppError("NOT_FOUND", "Event not found.");
	if (!query.success) throw new AppError("BAD_REQUEST", query.issues[0]?.message ?? "Bad query.");
	const contentType = c.req.header("content-type") ?? "";
	if (!contentType.startsWith("multipart/form-data")) {
		throw new AppError("BAD_REQUEST", "Send the photos as multipart/form-data.");
	}
	if (Number(c.req.header("content-length") ?? 0) > uploadLimits.requestBytes) {
		return c.json(
			{
				error: {
					code: "PAYLOAD_TOO_LARGE",
					message: "At most 100 MB per request: send fewer photos at once.",
				},
			},
			413,
		);
	}
	const batch = await resolveBatch(
		deps,
		user,
		params.output.eventId,
		query.output.batch,
		query.output.count ?? 1,
	);

	const results: UploadFileResult[] = [];
	let tooManyFiles = false;
	let chain = Promise.resolve();
	const handle = (file: IncomingFile) => {
		chain = chain.then(async () => {
			if (file.tooLarge) {
				const message = `Larger than ${uploadLimits.fileBytes / 1024 / 1024} MB.`;
				results.push({
					name: file.name,
					...(file.clientRef ? { clientRef: file.clientRef } : {}),
					status: "rejected",
					reason: "too_large",
					message,
				});
				return;
			}
			results.push(
				await acceptPhotoFile({
					db: deps.db,
					storage,
					queue,
					log: deps.log,
					batch,
					uploaderId: user.id,
					maxPixels: deps.env.MAX_IMAGE_PIXELS,
					file: {
						name: file.name,
						buffer: file.buffer,
						clientRef: file.clientRef,
						clientTakenAt: file.clientTakenAt,
					},
				}),
			);
		});
	};

	await new Promise<void>((resolve, reject) => {
		const parser = busboy({
			headers: { "content-type": contentType },
			limits: {
				files: uploadLimits.files,
				fileSize: uploadLimits.fileBytes,
				fields: 20,
				parts: uploadLimits.files + 20,
			},
		});
		let clientRefs: string[] = [];
		let takenAts: Array<Date | undefined> = [];
		let fileIndex = 0;
		parser.on("field", (name, value) => {
			try {
				const parsed: unknown = JSON.parse(value);
				if (!Array.isArray(parsed)) return;
				if (name === "clientRefs") clientRefs = parsed.map((r) => String(r).slice(0, 100));
				if (name === "takenAts") takenAts = parsed.map(parseClientDate);
			} catch {
				// A malformed list only loses retry idempotency or a date, not the upload.
			}
		});
		parser.on("file", (_field, stream, info) => {
			const clientRef = clientRefs[fileIndex];
			const clientTakenAt = takenAts[fileIndex];
			fileIndex++;
			const chunks: Buffer[] = [];
			stream.on("data", (chunk: Buffer) => chunks.push(chunk));
			stream.on("end", () => {
				const truncated = (stream as { truncated?: boolean }).truncated === true;
				handle({
					name: info.filename || `photo-${fileIndex}`,
					clientRef,
					clientTakenAt,
					buffer: Buffer.concat(chunks),
					tooLarge: truncated,
				});
			});
		});
		parser.on("filesLimit", () => {
			tooManyFiles = true;
		});
		parser.on("error", reject);
		parser.on("close", () => resolve());
		const body =
			c.env?.incoming ??
			(c.req.raw.body ? Readable.fromWeb(c.req.raw.body as import("node:stream/web").ReadableStream) : null);
		if (!body) return reject(new AppError("BAD_REQUEST", "Empty request."));
		body.pipe(parser);
	});
	await chain;
	const accepted = results.filter((r) => r.status === "accepted").length;
	return c.json({
		batchId: batch.id,
		accepted,
		rejected: results.length - accepted,
		results,
		...(tooManyFiles
			? { warning: `Only the first ${uploadLimits.files} files of this request were read.` }
			: {}),
	});
}

async function resolveBatch(
	deps: AppDeps,
	user: { id: string; role: string },
	eventId: string,
	batchId: string | undefined,
	count: number,
): Promise<UploadBatch> {
	if (!batchId) {
		const { batchId: created } = await createUploadBatch({
			db: deps.db,
			user,
			eventId,
			options: { removeDuplicates: true, filterBlurry: true, autoRetouch: false, smartCrop: false },
			expectedCount: count,
		});
		return loadBatch(deps, created, eventId, user.id);
	}
	return loadBatch(deps, batchId, eventId, user.id);
}

async function loadBatch(
	deps: AppDeps,
	batchId: string,
	eventId: string,
	userId: string,
): Promise<UploadBatch> {
	const [batch] = await deps.db
		.select()
		.from(uploadBatches)
		.where(
			and(
				eq(uploadBatches.id, batchId),
				eq(uploadBatches.eventId, eventId),
				eq(uploadBatches.uploaderId, userId),
			),
		);
	if (!batch) throw new AppError("NOT_FOUND", "Upload batch not found.");
	return batch;
}

/** An ISO date from the browser, kept only if plausible (after 1990, not in the future). */
function parseClientDate(value: unknown): Date | undefined {
	if (typeof value !== "string") return undefined;
	const date = new Date(value);
	const time = date.getTime();
	return Number.isNaN(time) || time < Date.UTC(1990, 0, 1) || time > Date.now() + 86_400_000
		? undefined
		: date;
}

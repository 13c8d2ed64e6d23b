import { AppError } from "@focus-racer/core";
import * as v from "valibot";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { authenticateRequest } from "../services/auth/authenticate-request.ts";
import { hitRateLimit } from "../services/rate-limit/hit-rate-limit.ts";
import { searchEventBySelfie } from "../services/search/search-event-by-selfie.ts";
import { appErrorStatus } from "./app-error-status.ts";
import { clientIp } from "./client-ip.ts";

/** A phone's selfie, even a 48 MP HEIC one, fits; anything larger is not a selfie. */
export const selfieMaxBytes = 15 * 1024 * 1024;
/** Each search runs a face model on our CPU: per IP, per quarter hour (PRODUCT §8: rate-limit search). */
export const selfieRateLimit = { limit: 30, windowSeconds: 15 * 60 } as const;

const paramsSchema = v.object({ eventId: v.pipe(v.string(), v.uuid()) });

/**
 * POST /api/events/:eventId/selfie-search with the image as the raw body (`image/*`): plain
 * HTTP because it is one binary upload, which tRPC does not carry. Answers the event's matching
 * photos, most similar first. The selfie is read from memory and dropped: never stored or logged.
 */
export function mountSelfieSearchRoute(app: App, deps: AppDeps): void {
	app.post("/api/events/:eventId/selfie-search", async (c) => {
		try {
			const { ai, aiSettings, faceIndex, storage } = deps;
			if (!ai || !aiSettings || !faceIndex || !storage) {
				throw new Error("selfie search needs the AI engines, their settings and the storage (AppDeps)");
			}
			const params = v.safeParse(paramsSchema, c.req.param());
			if (!params.success) throw new AppError("NOT_FOUND", "Event not found.");
			const type = c.req.header("content-type") ?? "";
			if (!type.startsWith("image/"))
				throw new AppError(
					"BAD_REQUEST",
					"Send the selfie as the request body (image/jpeg, image/png, image/heic…).",
				);
			if (Number(c.req.header("content-length") ?? 0) > selfieMaxBytes) {
				return c.json(
					{ error: { code: "PAYLOAD_TOO_LARGE", message: "The selfie is too large (15 MB at most)." } },
					413,
				);
			}
			await hitRateLimit({ db: deps.db, key: `selfie:${clientIp(c, deps.env)}`, ...selfieRateLimit });
			const body = Buffer.from(await c.req.arrayBuffer());
			if (body.length === 0) throw new AppError("BAD_REQUEST", "The selfie is empty.");
			if (body.length > selfieMaxBytes) {
				return c.json(
					{ error: { code: "PAYLOAD_TOO_LARGE", message: "The selfie is too large (15 MB at most)." } },
					413,
				);
			}
			const auth = await authenticateRequest(deps, c.req.raw.headers);
			const photos = await searchEventBySelfie(
				{ db: deps.db, storage, ai, aiSettings, faceIndex, maxPixels: deps.env.MAX_IMAGE_PIXELS },
				{ eventId: params.output.eventId, user: auth.user, selfie: body },
			);
			c.header("Cache-Control", "no-store");
			return c.json({ photos });
		} catch (err) {
			if (err instanceof AppError) {
				if (err.retryAfter) c.header("Retry-After", String(err.retryAfter));
				return c.json({ error: { code: err.code, message: err.message } }, appErrorStatus(err.code));
			}
			throw err;
		}
	});
}

import { AppError } from "@focus-racer/core";
import { proRoles } from "@focus-racer/db";
import type { Context } from "hono";
import * as v from "valibot";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { authenticateRequest } from "../services/auth/authenticate-request.ts";
import { setEventBranding } from "../services/events/set-event-branding.ts";
import { appErrorStatus } from "./app-error-status.ts";

/** A poster straight from a phone fits; branding images are shrunk to 1600 px anyway. */
export const brandingMaxBytes = 20 * 1024 * 1024;

const paramsSchema = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	kind: v.picklist(["poster", "logo"]),
});

/**
 * PUT /api/events/:eventId/branding/:kind with the image as the raw body (`image/*`), DELETE to
 * remove it: an event's poster or logo. Plain HTTP because it is one binary upload, like the
 * selfie search; the answer is the new public URL for the page's preview.
 */
export function mountEventBrandingRoute(app: App, deps: AppDeps): void {
	const proRoleSet: ReadonlySet<string> = new Set(proRoles);
	const handle = async (c: Context, remove: boolean) => {
		try {
			const storage = deps.storage;
			if (!storage) throw new Error("branding needs the storage (AppDeps.storage)");
			const params = v.safeParse(paramsSchema, c.req.param());
			if (!params.success) throw new AppError("NOT_FOUND", "Not found.");
			const auth = await authenticateRequest(deps, c.req.raw.headers);
			if (!auth.user) throw new AppError("UNAUTHORIZED", "Please log in.");
			if (!proRoleSet.has(auth.user.role) && auth.user.role !== "admin") {
				throw new AppError("FORBIDDEN", "This is for professional accounts.");
			}
			let image: Buffer | null = null;
			if (!remove) {
				if (!(c.req.header("content-type") ?? "").startsWith("image/")) {
					throw new AppError("BAD_REQUEST", "Send the image as the request body (image/jpeg, image/png…).");
				}
				if (Number(c.req.header("content-length") ?? 0) > brandingMaxBytes) {
					throw new AppError("BAD_REQUEST", "This image is too large (20 MB at most).");
				}
				image = Buffer.from(await c.req.arrayBuffer());
				if (image.length === 0) throw new AppError("BAD_REQUEST", "The image is empty.");
				if (image.length > brandingMaxBytes)
					throw new AppError("BAD_REQUEST", "This image is too large (20 MB at most).");
			}
			const result = await setEventBranding(
				{ db: deps.db, storage, maxPixels: deps.env.MAX_IMAGE_PIXELS },
				auth.user,
				{ eventId: params.output.eventId, kind: params.output.kind, image },
			);
			return c.json(result);
		} catch (err) {
			if (err instanceof AppError) {
				return c.json({ error: { code: err.code, message: err.message } }, appErrorStatus(err.code));
			}
			throw err;
		}
	};
	app.put("/api/events/:eventId/branding/:kind", (c) => handle(c, false));
	app.delete("/api/events/:eventId/branding/:kind", (c) => handle(c, true));
}

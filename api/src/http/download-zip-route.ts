import { Readable } from "node:stream";
import { contentDisposition } from "@focus-racer/core";
import { orders } from "@focus-racer/db";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { authenticateRequest } from "../services/auth/authenticate-request.ts";
import { countDownload, findDownloadToken } from "../services/downloads/download-tokens.ts";
import { distinctFilenames, orderCrops, orderFiles } from "../services/downloads/order-downloads.ts";
import { streamOrderZip } from "../services/downloads/stream-order-zip.ts";

const noIndex = { "x-robots-tag": "noindex", "cache-control": "private, no-store" } as const;

/**
 * The ZIP of a paid order's HD originals and portraits, streamed:
 * - GET /api/downloads/:token/zip — the receipt link's token is the permission (guests);
 * - GET /api/orders/:orderId/zip — the buyer's own order, from their account (session).
 * An unpaid order has no file.
 */
export function mountDownloadZipRoute(app: App, deps: AppDeps): void {
	async function sendZip(c: Context, orderId: string) {
		const storage = deps.storage;
		if (!storage) throw new Error("downloads need the storage (AppDeps.storage)");
		const files = await orderFiles(deps.db, orderId);
		if (files.length === 0) return c.text("This order is not paid yet, or holds no photo.", 404, noIndex);
		const crops = await orderCrops(deps.db, files, distinctFilenames(files));
		const zip = streamOrderZip({ storage, log: deps.log }, files, crops);
		return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
			status: 200,
			headers: {
				...noIndex,
				"content-type": "application/zip",
				"content-disposition": contentDisposition(`focus-racer-${orderId.slice(0, 8)}.zip`),
			},
		});
	}

	app.get("/api/downloads/:token/zip", async (c) => {
		const token = await findDownloadToken(deps.db, c.req.param("token"));
		if (!token) return c.text("This download link is unknown or has expired.", 404, noIndex);
		await countDownload(deps.db, token.id);
		return sendZip(c, token.orderId);
	});

	app.get("/api/orders/:orderId/zip", async (c) => {
		const auth = await authenticateRequest(deps, c.req.raw.headers);
		if (!auth.user) return c.text("Please log in.", 401, noIndex);
		const orderId = c.req.param("orderId");
		if (!/^[0-9a-f-]{36}$/i.test(orderId)) return c.text("Order not found.", 404, noIndex);
		const [own] = await deps.db
			.select({ id: orders.id })
			.from(orders)
			.where(and(eq(orders.id, orderId), eq(orders.buyerId, auth.user.id)));
		if (!own) return c.text("Order not found.", 404, noIndex);
		return sendZip(c, own.id);
	});
}

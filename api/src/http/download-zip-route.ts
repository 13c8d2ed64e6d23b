import { Readable } from "node:stream";
import { contentDisposition } from "@focus-racer/core";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { countDownload, findDownloadToken } from "../services/downloads/download-tokens.ts";
import { distinctFilenames, orderCrops, orderFiles } from "../services/downloads/order-downloads.ts";
import { streamOrderZip } from "../services/downloads/stream-order-zip.ts";

const noIndex = { "x-robots-tag": "noindex", "cache-control": "private, no-store" } as const;

/**
 * GET /api/downloads/:token/zip: every HD original of a paid order in one streamed ZIP. The
 * receipt link's token is the permission (guests have no account); an unpaid order has no file.
 */
export function mountDownloadZipRoute(app: App, deps: AppDeps): void {
	app.get("/api/downloads/:token/zip", async (c) => {
		const storage = deps.storage;
		if (!storage) throw new Error("downloads need the storage (AppDeps.storage)");
		const token = await findDownloadToken(deps.db, c.req.param("token"));
		if (!token) return c.text("This download link is unknown or has expired.", 404, noIndex);
		const files = await orderFiles(deps.db, token.orderId);
		if (files.length === 0) return c.text("This order is not paid yet, or holds no photo.", 404, noIndex);
		await countDownload(deps.db, token.id);
		const crops = await orderCrops(deps.db, files, distinctFilenames(files));
		const zip = streamOrderZip({ storage, log: deps.log }, files, crops);
		return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
			status: 200,
			headers: {
				...noIndex,
				"content-type": "application/zip",
				"content-disposition": contentDisposition(`focus-racer-${token.orderId.slice(0, 8)}.zip`),
			},
		});
	});
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Storage } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import { serveStatic } from "@hono/node-server/serve-static";
import type { App } from "../app.ts";
import { eventPageMeta, withEventMeta } from "./event-page-meta.ts";

/** Paths owned by the api: never answered with the SPA's index.html. */
const apiPrefixes = ["/trpc", "/api/", "/media/", "/healthz"];

/**
 * Serves the Vite build: hashed assets cached for a year (their name changes with their
 * content), index.html never cached so a deploy is picked up at once, and every other GET
 * path falls back to index.html for the client router.
 */
export function mountWebApp(
	app: App,
	webDist: string,
	meta?: { db: Db; storage: Storage; siteUrl: string },
): void {
	const indexFile = path.join(webDist, "index.html");
	if (!existsSync(indexFile))
		throw new Error(`The web app is not built: ${indexFile} is missing (npm run build).`);
	const root = path.relative(process.cwd(), webDist) || ".";
	app.use(
		"/assets/*",
		serveStatic({
			root,
			onFound: (_path, c) => {
				c.header("cache-control", "public, max-age=31536000, immutable");
			},
		}),
	);
	app.use("*", async (c, next) => {
		if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
		if (apiPrefixes.some((p) => c.req.path.startsWith(p))) return next();
		return serveStatic({
			root,
			onFound: (_path, c) => {
				c.header("cache-control", "public, max-age=300");
			},
		})(c, next);
	});
	app.get("*", async (c) => {
		if (apiPrefixes.some((p) => c.req.path.startsWith(p))) return c.notFound();
		c.header("cache-control", "no-cache");
		// Read per request: small, and a rebuilt web app is served without restarting the api.
		const html = readFileSync(indexFile, "utf8");
		const tags = meta ? await eventPageMeta(meta, c.req.path) : null;
		return c.html(tags ? withEventMeta(html, tags) : html);
	});
}

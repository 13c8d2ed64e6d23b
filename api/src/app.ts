import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "./deps.ts";
import { originCheck } from "./http/origin-check.ts";
import { mountWebApp } from "./http/web-app.ts";
import { appRouter } from "./routers/index.ts";
import { createContext } from "./trpc/context.ts";

/** The whole HTTP surface, built from its dependencies (no singletons: tests build their own). */
export function createApp(deps: AppDeps): Hono {
	const app = new Hono();
	app.use(
		"*",
		secureHeaders({
			contentSecurityPolicy: {
				defaultSrc: ["'self'"],
				scriptSrc: ["'self'"],
				styleSrc: ["'self'", "'unsafe-inline'"],
				imgSrc: ["'self'", "data:", "blob:"],
				connectSrc: ["'self'"],
				fontSrc: ["'self'", "data:"],
				frameAncestors: ["'none'"],
				baseUri: ["'self'"],
				formAction: ["'self'"],
				objectSrc: ["'none'"],
			},
			xFrameOptions: "DENY",
			referrerPolicy: "strict-origin-when-cross-origin",
			permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
			strictTransportSecurity: deps.env.PUBLIC_URL?.startsWith("https://")
				? "max-age=31536000; includeSubDomains"
				: false,
		}),
	);
	app.get("/healthz", async (c) => {
		await deps.db.execute("select 1");
		return c.json({ ok: true });
	});
	app.use("/trpc/*", originCheck(deps.env));
	app.use(
		"/trpc/*",
		trpcServer({
			router: appRouter,
			endpoint: "/trpc",
			createContext: (opts, c) => createContext(deps, opts, c) as unknown as Promise<Record<string, unknown>>,
		}),
	);
	if (deps.webDist) mountWebApp(app, deps.webDist);
	return app;
}

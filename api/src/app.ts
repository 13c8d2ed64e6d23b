import type { HttpBindings } from "@hono/node-server";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "./deps.ts";
import { mountDownloadZipRoute } from "./http/download-zip-route.ts";
import { mountEventBrandingRoute } from "./http/event-branding-route.ts";
import { mountMediaRoute } from "./http/media-route.ts";
import { originCheck } from "./http/origin-check.ts";
import { mountSelfieSearchRoute } from "./http/selfie-search-route.ts";
import { siteUrl } from "./http/site-url.ts";
import { mountStatsCsvRoute } from "./http/stats-csv-route.ts";
import { mountStripeWebhookRoute } from "./http/stripe-webhook-route.ts";
import { mountUploadRoute } from "./http/upload-route.ts";
import { mountWebApp } from "./http/web-app.ts";
import { appRouter } from "./routers/index.ts";
import { createContext } from "./trpc/context.ts";

/** The whole HTTP surface, built from its dependencies (no singletons: tests build their own). */
export type App = Hono<{ Bindings: HttpBindings }>;

export function createApp(deps: AppDeps): App {
	const app: App = new Hono<{ Bindings: HttpBindings }>();
	// Stripe's Payment Element loads from js.stripe.com in frames of its own (Stripe's CSP guide).
	const stripe = deps.payments?.mode === "stripe";
	app.use(
		"*",
		secureHeaders({
			contentSecurityPolicy: {
				defaultSrc: ["'self'"],
				scriptSrc: ["'self'", ...(stripe ? ["https://js.stripe.com"] : [])],
				frameSrc: stripe ? ["https://js.stripe.com", "https://hooks.stripe.com"] : ["'none'"],
				styleSrc: ["'self'", "'unsafe-inline'"],
				imgSrc: ["'self'", "data:", "blob:", ...(stripe ? ["https://*.stripe.com"] : [])],
				connectSrc: ["'self'", ...(stripe ? ["https://api.stripe.com"] : [])],
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
	app.use("/api/*", originCheck(deps.env));
	mountUploadRoute(app, deps);
	mountSelfieSearchRoute(app, deps);
	mountStripeWebhookRoute(app, deps);
	mountDownloadZipRoute(app, deps);
	mountEventBrandingRoute(app, deps);
	mountStatsCsvRoute(app, deps);
	app.use(
		"/trpc/*",
		trpcServer({
			router: appRouter,
			endpoint: "/trpc",
			createContext: (opts, c) => createContext(deps, opts, c) as unknown as Promise<Record<string, unknown>>,
		}),
	);
	// Before the web app: its GET fallback would answer /media/ paths with a 404 first.
	if (deps.storage) mountMediaRoute(app, { storage: deps.storage, env: deps.env });
	if (deps.webDist) {
		mountWebApp(
			app,
			deps.webDist,
			deps.storage ? { db: deps.db, storage: deps.storage, siteUrl: siteUrl(deps.env) } : undefined,
		);
	}
	return app;
}

import { proRoles } from "@focus-racer/db";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { authenticateRequest } from "../services/auth/authenticate-request.ts";
import { statsCsv, statsOverview } from "../services/stats/event-stats.ts";

/** GET /api/stats/events.csv: the pro's per-event stats as a spreadsheet download. */
export function mountStatsCsvRoute(app: App, deps: AppDeps): void {
	const proRoleSet: ReadonlySet<string> = new Set([...proRoles, "admin"]);
	app.get("/api/stats/events.csv", async (c) => {
		const auth = await authenticateRequest(deps, c.req.raw.headers);
		if (!auth.user) return c.text("Please log in.", 401);
		if (!proRoleSet.has(auth.user.role)) return c.text("This is for professional accounts.", 403);
		const csv = statsCsv(await statsOverview(deps.db, auth.user));
		return c.body(csv, 200, {
			"content-type": "text/csv; charset=utf-8",
			"content-disposition": `attachment; filename="focus-racer-stats-${new Date().toISOString().slice(0, 10)}.csv"`,
			"cache-control": "private, no-store",
		});
	});
}

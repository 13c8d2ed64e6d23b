import type { Env } from "@focus-racer/core";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** X-Forwarded-For is only believed behind our own proxy (TRUST_PROXY), else anyone could forge it. */
export function clientIp(c: Context, env: Pick<Env, "TRUST_PROXY">): string {
	if (env.TRUST_PROXY) {
		const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
		if (forwarded) return forwarded;
	}
	try {
		return getConnInfo(c).remote.address ?? "unknown";
	} catch {
		return "unknown";
	}
}

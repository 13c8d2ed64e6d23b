import { hitRateLimit } from "../../services/rate-limit/hit-rate-limit.ts";
import type { TrpcContext } from "../../trpc/context.ts";

/** Login and register share one budget per IP: AUTH_RATE_LIMIT attempts per 15 minutes. */
export function hitAuthRateLimit(ctx: TrpcContext): Promise<void> {
	return hitRateLimit({
		db: ctx.deps.db,
		key: `auth:${ctx.ip}`,
		limit: ctx.deps.env.AUTH_RATE_LIMIT,
		windowSeconds: 15 * 60,
	});
}

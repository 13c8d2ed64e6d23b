import { hitRateLimit } from "../../services/rate-limit/hit-rate-limit.ts";
import type { TrpcContext } from "../../trpc/context.ts";

/** Bib and name searches share one budget per IP (PRODUCT §8): SEARCH_RATE_LIMIT per 15 minutes. */
export function hitSearchRateLimit(ctx: TrpcContext): Promise<void> {
	return hitRateLimit({
		db: ctx.deps.db,
		key: `search:${ctx.ip}`,
		limit: ctx.deps.env.SEARCH_RATE_LIMIT,
		windowSeconds: 15 * 60,
	});
}

import * as v from "valibot";
import { eventStats, statsOverview } from "../../services/stats/event-stats.ts";
import { proProcedure, router } from "../../trpc/init.ts";

export const statsRouter = router({
	overview: proProcedure.query(({ ctx }) => statsOverview(ctx.deps.db, ctx.user)),
	event: proProcedure
		.input(v.object({ eventId: v.pipe(v.string(), v.uuid()) }))
		.query(({ ctx, input }) => eventStats(ctx.deps.db, ctx.user, input.eventId)),
});

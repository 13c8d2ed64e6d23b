import { tracked } from "@trpc/server";
import * as v from "valibot";
import { requireOwnBatch, watchBatchProgress } from "../../services/uploads/watch-batch-progress.ts";
import { proProcedure } from "../../trpc/init.ts";

export const watchProgressInput = v.object({
	batchId: v.pipe(v.string(), v.uuid()),
	/** Sent back by the client on reconnect (tRPC's tracked ids): resume after it. */
	lastEventId: v.nullish(v.pipe(v.string(), v.regex(/^\d+$/))),
});

/** Live per-photo progress of one import over SSE (httpSubscriptionLink). */
export const progress = proProcedure.input(watchProgressInput).subscription(async function* ({
	ctx,
	input,
	signal,
}) {
	await requireOwnBatch(ctx.deps.db, input.batchId, ctx.user.id);
	for await (const row of watchBatchProgress({
		db: ctx.deps.db,
		batchId: input.batchId,
		afterId: Number(input.lastEventId ?? 0),
		signal,
	})) {
		yield tracked(String(row.id), row);
	}
});

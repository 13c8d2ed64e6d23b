import * as v from "valibot";
import { searchByBib } from "../../services/search/search-by-bib.ts";
import { searchByName } from "../../services/search/search-by-name.ts";
import { publicProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";
import { hitSearchRateLimit } from "./search-rate-limit.ts";

const eventId = v.pipe(v.string(), v.uuid());

export const byBibInput = v.object({
	eventId,
	bib: v.pipe(v.string(), v.trim(), v.minLength(1, "Type a bib number."), v.maxLength(12)),
});

export const byNameInput = v.object({
	eventId,
	query: v.pipe(v.string(), v.trim(), v.minLength(2, "Type at least two letters."), v.maxLength(80)),
});

export const searchRouter = router({
	// The rate limit and the search run side by side (one round trip less in the latency); a
	// refused search's result is dropped.
	byBib: publicProcedure.input(byBibInput).query(async ({ ctx, input }) => {
		const [, result] = await Promise.all([
			hitSearchRateLimit(ctx),
			searchByBib({ db: ctx.deps.db, storage: requireStorage(ctx), user: ctx.user, ...input }),
		]);
		return result;
	}),
	byName: publicProcedure.input(byNameInput).query(async ({ ctx, input }) => {
		const [, result] = await Promise.all([
			hitSearchRateLimit(ctx),
			searchByName({ db: ctx.deps.db, user: ctx.user, ...input }),
		]);
		return result;
	}),
});

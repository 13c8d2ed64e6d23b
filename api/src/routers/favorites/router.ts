import * as v from "valibot";
import {
	addFavorites,
	listFavorites,
	maxMergedFavorites,
	removeFavorite,
} from "../../services/favorites/favorites.ts";
import { authedProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";

const photoId = v.pipe(v.string(), v.uuid());

export const favoritesRouter = router({
	list: authedProcedure.query(({ ctx }) => listFavorites(ctx.deps.db, requireStorage(ctx), ctx.user.id)),
	add: authedProcedure
		.input(v.object({ photoId }))
		.mutation(({ ctx, input }) => addFavorites(ctx.deps.db, ctx.user.id, [input.photoId])),
	remove: authedProcedure
		.input(v.object({ photoId }))
		.mutation(({ ctx, input }) => removeFavorite(ctx.deps.db, ctx.user.id, input.photoId)),
	/** A guest's favorites (kept in the browser) join the account at login. */
	merge: authedProcedure
		.input(v.object({ photoIds: v.pipe(v.array(photoId), v.maxLength(maxMergedFavorites)) }))
		.mutation(({ ctx, input }) => addFavorites(ctx.deps.db, ctx.user.id, input.photoIds)),
});

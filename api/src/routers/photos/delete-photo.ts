import * as v from "valibot";
import { deletePhoto } from "../../services/photos/delete-photo.ts";
import { proProcedure } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";

export const deletePhotoInput = v.object({ photoId: v.pipe(v.string(), v.uuid()) });

export const remove = proProcedure.input(deletePhotoInput).mutation(({ ctx, input }) =>
	deletePhoto({
		db: ctx.deps.db,
		storage: requireStorage(ctx),
		...(ctx.deps.ai ? { ai: ctx.deps.ai } : {}),
		user: ctx.user,
		photoId: input.photoId,
	}),
);

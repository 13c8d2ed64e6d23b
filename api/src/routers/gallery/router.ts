import * as v from "valibot";
import { listGalleryPhotos } from "../../services/gallery/list-gallery-photos.ts";
import { publicProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";

export const galleryPhotosInput = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	cursor: v.optional(v.pipe(v.string(), v.maxLength(100))),
	limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 100),
});

export const galleryRouter = router({
	photos: publicProcedure
		.input(galleryPhotosInput)
		.query(({ ctx, input }) =>
			listGalleryPhotos({ db: ctx.deps.db, storage: requireStorage(ctx), user: ctx.user, ...input }),
		),
});

import { photoStatuses } from "@focus-racer/db";
import * as v from "valibot";
import { listEventPhotos } from "../../services/photos/list-event-photos.ts";
import { proProcedure } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";

export const listPhotosInput = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	status: v.optional(v.picklist(photoStatuses)),
	cursor: v.optional(v.pipe(v.string(), v.maxLength(100))),
	limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 100),
});

export const list = proProcedure
	.input(listPhotosInput)
	.query(({ ctx, input }) =>
		listEventPhotos({ db: ctx.deps.db, storage: requireStorage(ctx), user: ctx.user, ...input }),
	);

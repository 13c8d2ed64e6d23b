import * as v from "valibot";
import { createUploadBatch } from "../../services/uploads/create-upload-batch.ts";
import { proProcedure } from "../../trpc/init.ts";

export const createUploadInput = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	expectedCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
	options: v.optional(
		v.object({
			removeDuplicates: v.boolean(),
			filterBlurry: v.boolean(),
			autoRetouch: v.boolean(),
			smartCrop: v.boolean(),
		}),
		{ removeDuplicates: true, filterBlurry: true, autoRetouch: false, smartCrop: false },
	),
});

/** Opens an import (credits checked for every file up front); files then go to the upload route. */
export const create = proProcedure
	.input(createUploadInput)
	.mutation(({ ctx, input }) => createUploadBatch({ db: ctx.deps.db, user: ctx.user, ...input }));

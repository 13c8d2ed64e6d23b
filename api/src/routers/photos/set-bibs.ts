import * as v from "valibot";
import { setPhotoBibs } from "../../services/photos/set-photo-bibs.ts";
import { proProcedure } from "../../trpc/init.ts";

export const setBibsInput = v.object({
	photoId: v.pipe(v.string(), v.uuid()),
	bibs: v.pipe(
		v.array(
			v.pipe(v.string(), v.trim(), v.regex(/^[0-9A-Za-z-]{1,10}$/, "A bib is 1 to 10 letters or digits.")),
		),
		v.maxLength(50),
	),
});

export const setBibs = proProcedure
	.input(setBibsInput)
	.mutation(({ ctx, input }) => setPhotoBibs({ db: ctx.deps.db, user: ctx.user, ...input }));

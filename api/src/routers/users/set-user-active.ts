import * as v from "valibot";
import { setUserActive } from "../../services/users/set-user-active.ts";
import { adminProcedure } from "../../trpc/init.ts";

export const setActiveInput = v.object({ userId: v.pipe(v.string(), v.uuid()), isActive: v.boolean() });

export const setActive = adminProcedure
	.input(setActiveInput)
	.mutation(({ ctx, input }) => setUserActive({ db: ctx.deps.db, actorId: ctx.user.id, ...input }));

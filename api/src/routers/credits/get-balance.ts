import { getCreditBalance } from "../../services/credits/get-credit-balance.ts";
import { proProcedure } from "../../trpc/init.ts";

export const balance = proProcedure.query(({ ctx }) =>
	getCreditBalance({ db: ctx.deps.db, userId: ctx.user.id }),
);

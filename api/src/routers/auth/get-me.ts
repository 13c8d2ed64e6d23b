import { publicProcedure } from "../../trpc/init.ts";

/** null when logged out (not an error): the web asks this on every load. */
export const me = publicProcedure.query(({ ctx }) => ctx.user);

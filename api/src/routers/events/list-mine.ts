import { listManagedEvents } from "../../services/events/list-managed-events.ts";
import { proProcedure } from "../../trpc/init.ts";

/** The pro's own events (the events issue adds create/update). */
export const listMine = proProcedure.query(({ ctx }) =>
	listManagedEvents({ db: ctx.deps.db, user: ctx.user }),
);

import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** An event's packs in their sale order, retired ones (kept because they were bought) included. */
export const getPricePacks = query(
	(eventId: string) => trpc.pricePacks.list.query({ eventId }),
	"pricePacks.list",
);

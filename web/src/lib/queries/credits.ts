import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The credit packs and monthly plans, and how this site takes money (Stripe, test, none). */
export const getCreditOffers = query(() => trpc.credits.offers.query(), "credits.offers");

/** Credit movements, newest first, 50 a page (older pages pass `before`), with the plans. */
export const getCreditHistory = query(
	(before?: string) => trpc.credits.history.query(before === undefined ? {} : { before }),
	"credits.history",
);

import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/**
 * Fresh from the server rather than the session snapshot: uploads spend credits meanwhile.
 * Keyed, so route preloads and the page share one request.
 */
export const getCreditBalance = query(
	async () => (await trpc.credits.balance.query()).balance,
	"credits.balance",
);

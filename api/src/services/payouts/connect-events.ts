import type { DbOrTx, Stripe } from "@focus-racer/core";
import { users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/**
 * `account.updated`: the seller's Connect status. Charges enabled is what makes their sales
 * destination charges (with the service fee) instead of platform charges.
 */
export async function onAccountUpdated(tx: DbOrTx, account: Stripe.Account): Promise<void> {
	await tx
		.update(users)
		.set({
			stripeChargesEnabled: account.charges_enabled ?? false,
			stripePayoutsEnabled: account.payouts_enabled ?? false,
			stripeDetailsSubmitted: account.details_submitted ?? false,
		})
		.where(eq(users.stripeAccountId, account.id));
}

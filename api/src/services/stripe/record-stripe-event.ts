import type { DbOrTx } from "@focus-racer/core";
import { stripeEvents } from "@focus-racer/db";

/**
 * Records a Stripe event id in the transaction of its effects: false when it was already
 * handled, so a replayed or duplicated delivery changes nothing.
 */
export async function recordStripeEvent(tx: DbOrTx, event: { id: string; type: string }): Promise<boolean> {
	const inserted = await tx
		.insert(stripeEvents)
		.values({ id: event.id, type: event.type })
		.onConflictDoNothing()
		.returning({ id: stripeEvents.id });
	return inserted.length > 0;
}

import { AppError } from "@focus-racer/core";
import { type Db, events, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/** PRODUCT §4: the runner pays 1 € on top, the platform's application fee on a destination charge. */
export const serviceFeeCents = 100;

export interface Seller {
	eventId: string;
	eventName: string;
	sellerId: string;
	/** The owner's Connect account when it can take charges; null: the platform takes the payment. */
	destinationAccountId: string | null;
	/** 100 with a destination, 0 otherwise (no fee when the platform keeps the whole payment). */
	serviceFeeCents: number;
}

/** Who is paid for an event's photos, and so whether the service fee applies. */
export async function findSeller(db: Db, eventId: string): Promise<Seller> {
	const [row] = await db
		.select({
			eventName: events.name,
			sellerId: events.ownerId,
			accountId: users.stripeAccountId,
			chargesEnabled: users.stripeChargesEnabled,
		})
		.from(events)
		.innerJoin(users, eq(users.id, events.ownerId))
		.where(eq(events.id, eventId));
	if (!row) throw new AppError("NOT_FOUND", "Event not found.");
	const destinationAccountId = row.chargesEnabled && row.accountId ? row.accountId : null;
	return {
		eventId,
		eventName: row.eventName,
		sellerId: row.sellerId,
		destinationAccountId,
		serviceFeeCents: destinationAccountId ? serviceFeeCents : 0,
	};
}

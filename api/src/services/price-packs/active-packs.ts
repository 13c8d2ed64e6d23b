import { type Db, pricePacks } from "@focus-racer/db";
import { and, asc, eq } from "drizzle-orm";

/** What an event sells today, in the pro's order: the event page shows it, the cart prices with it. */
export function activePacksOf(db: Db, eventId: string) {
	return db
		.select({
			id: pricePacks.id,
			name: pricePacks.name,
			priceCents: pricePacks.priceCents,
			photoCount: pricePacks.photoCount,
		})
		.from(pricePacks)
		.where(and(eq(pricePacks.eventId, eventId), eq(pricePacks.isActive, true)))
		.orderBy(asc(pricePacks.sortOrder), asc(pricePacks.priceCents));
}

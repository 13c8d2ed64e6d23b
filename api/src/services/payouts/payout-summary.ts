import { type Db, events, orders } from "@focus-racer/db";
import { and, desc, eq, sql } from "drizzle-orm";

/**
 * The seller's sales per event and month: paid orders, what runners paid, the platform's fee,
 * Stripe's fee and what reached the seller. Test payments are listed apart: no money moved.
 */
export async function payoutSummary(db: Db, sellerId: string) {
	const month = sql<string>`to_char(date_trunc('month', ${orders.paidAt}), 'YYYY-MM')`;
	const rows = await db
		.select({
			month,
			eventId: orders.eventId,
			eventName: events.name,
			isTestPayment: orders.isTestPayment,
			orders: sql<number>`count(*)::int`,
			salesCents: sql<number>`coalesce(sum(${orders.totalCents}), 0)::int`,
			serviceFeeCents: sql<number>`coalesce(sum(${orders.serviceFeeCents}), 0)::int`,
			stripeFeeCents: sql<number>`coalesce(sum(${orders.stripeFeeCents}), 0)::int`,
			payoutCents: sql<number>`coalesce(sum(${orders.photographerPayoutCents}), 0)::int`,
		})
		.from(orders)
		.leftJoin(events, eq(events.id, orders.eventId))
		.where(and(eq(orders.sellerId, sellerId), eq(orders.status, "paid")))
		.groupBy(month, orders.eventId, events.name, orders.isTestPayment)
		.orderBy(desc(month), events.name);
	const real = rows.filter((r) => !r.isTestPayment);
	return {
		rows,
		totals: {
			orders: real.reduce((s, r) => s + r.orders, 0),
			salesCents: real.reduce((s, r) => s + r.salesCents, 0),
			serviceFeeCents: real.reduce((s, r) => s + r.serviceFeeCents, 0),
			payoutCents: real.reduce((s, r) => s + r.payoutCents, 0),
		},
	};
}

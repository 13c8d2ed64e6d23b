import { AppError, type Storage } from "@focus-racer/core";
import { type Db, events, orders } from "@focus-racer/db";
import { and, desc, eq } from "drizzle-orm";
import { orderDownloads } from "../downloads/order-downloads.ts";
import { orderPhotoCount } from "./order-columns.ts";

/** The runner's orders, newest first (the account's orders page). */
export async function listMyOrders(db: Db, userId: string) {
	return db
		.select({
			id: orders.id,
			status: orders.status,
			totalCents: orders.totalCents,
			isTestPayment: orders.isTestPayment,
			createdAt: orders.createdAt,
			paidAt: orders.paidAt,
			eventName: events.name,
			eventSlug: events.slug,
			photoCount: orderPhotoCount,
		})
		.from(orders)
		.leftJoin(events, eq(events.id, orders.eventId))
		.where(eq(orders.buyerId, userId))
		.orderBy(desc(orders.createdAt))
		.limit(200);
}

/** An account's own order, downloaded again from the account (no receipt link needed). */
export async function myOrderDownloads(deps: { db: Db; storage: Storage }, userId: string, orderId: string) {
	const [own] = await deps.db
		.select({ id: orders.id })
		.from(orders)
		.where(and(eq(orders.id, orderId), eq(orders.buyerId, userId)));
	if (!own) throw new AppError("NOT_FOUND", "Order not found.");
	return orderDownloads(deps, own.id, { account: true });
}

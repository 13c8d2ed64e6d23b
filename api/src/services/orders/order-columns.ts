import { orderItems, orders } from "@focus-racer/db";
import { sql } from "drizzle-orm";

/** How many photos an order holds (its photo rows; pack rows only carry prices). */
export const orderPhotoCount = sql<number>`(select count(*)::int from ${orderItems} where ${orderItems.orderId} = ${orders.id} and ${orderItems.kind} = 'photo')`;

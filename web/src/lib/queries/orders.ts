import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** An order's downloads page from its receipt link (guests and accounts alike). */
export const getOrderByToken = query(
	(token: string) => trpc.orders.byToken.query({ token }),
	"orders.byToken",
);

/** The signed-in runner's orders, newest first. */
export const getMyOrders = query(() => trpc.orders.listMine.query(), "orders.listMine");

/** One of the runner's own orders with its files, without the receipt link. */
export const getMyOrderDownloads = query(
	(orderId: string) => trpc.orders.downloadsOf.query({ orderId }),
	"orders.downloadsOf",
);

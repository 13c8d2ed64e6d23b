import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** How this site takes money: Stripe's Payment Element, the test payment, or not at all. */
export const getPaymentConfig = query(() => trpc.orders.paymentConfig.query(), "orders.paymentConfig");

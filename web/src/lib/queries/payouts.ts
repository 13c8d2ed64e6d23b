import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** Whether the seller's Stripe Connect account exists and may take payments and pay out. */
export const getPayoutStatus = query(() => trpc.payouts.status.query(), "payouts.status");

/** Sales per month and event, test payments listed apart. */
export const getPayoutSummary = query(() => trpc.payouts.summary.query(), "payouts.summary");

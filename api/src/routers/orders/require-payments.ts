import type { Mailer } from "@focus-racer/core";
import type { Payments } from "../../services/orders/payments.ts";
import type { TrpcContext } from "../../trpc/context.ts";

/** An app built without payments or mailer (auth-only tests) cannot sell: a wiring bug. */
export function requirePayments(ctx: TrpcContext): Payments {
	if (!ctx.deps.payments) throw new Error("this app was built without payments (AppDeps.payments)");
	return ctx.deps.payments;
}

export function requireMailer(ctx: TrpcContext): Mailer {
	if (!ctx.deps.mailer) throw new Error("this app was built without a mailer (AppDeps.mailer)");
	return ctx.deps.mailer;
}

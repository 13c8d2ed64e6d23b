import { AppError } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import type { Payments } from "../orders/payments.ts";

type Deps = { db: Db; payments: Payments; siteUrl: string };

function stripeOf(payments: Payments) {
	if (!payments.stripe) {
		throw new AppError(
			"BAD_REQUEST",
			"Stripe is not set up on this site: payouts need the platform's Stripe keys.",
		);
	}
	return payments.stripe;
}

/** The seller's Connect status as the payouts page shows it (mirrored from account.updated). */
export async function connectStatus(deps: { db: Db; payments: Payments }, userId: string) {
	const [row] = await deps.db
		.select({
			accountId: users.stripeAccountId,
			chargesEnabled: users.stripeChargesEnabled,
			payoutsEnabled: users.stripePayoutsEnabled,
			detailsSubmitted: users.stripeDetailsSubmitted,
		})
		.from(users)
		.where(eq(users.id, userId));
	if (!row) throw new AppError("NOT_FOUND", "Account not found.");
	const { accountId, ...flags } = row;
	return { mode: deps.payments.mode, connected: accountId !== null, ...flags };
}

/**
 * Stripe Connect Express onboarding: the account is created once (its id stored at once, so a
 * second click reuses it), then a fresh one-time onboarding link; Stripe sends the seller back
 * to `returnPath`, and account.updated tells us when charges are enabled.
 */
export async function startOnboarding(deps: Deps, user: { id: string; email: string }, returnPath: string) {
	const stripe = stripeOf(deps.payments);
	const [row] = await deps.db
		.select({ accountId: users.stripeAccountId })
		.from(users)
		.where(eq(users.id, user.id));
	let accountId = row?.accountId ?? null;
	if (!accountId) {
		const account = await stripe.accounts.create(
			{
				type: "express",
				country: "FR",
				email: user.email,
				capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
				metadata: { user_id: user.id },
			},
			{ idempotencyKey: `connect-account-${user.id}` },
		);
		accountId = account.id;
		await deps.db.update(users).set({ stripeAccountId: accountId }).where(eq(users.id, user.id));
	}
	const back = new URL(returnPath, deps.siteUrl).toString();
	const link = await stripe.accountLinks.create({
		account: accountId,
		type: "account_onboarding",
		refresh_url: back,
		return_url: back,
	});
	return { url: link.url };
}

/** A one-time link to the seller's Express dashboard (balance, payouts, bank details). */
export async function dashboardLink(deps: Deps, userId: string) {
	const stripe = stripeOf(deps.payments);
	const [row] = await deps.db
		.select({ accountId: users.stripeAccountId })
		.from(users)
		.where(eq(users.id, userId));
	if (!row?.accountId) throw new AppError("BAD_REQUEST", "Connect your Stripe account first.");
	const link = await stripe.accounts.createLoginLink(row.accountId);
	return { url: link.url };
}

import {
	createStripeClient,
	type Env,
	type PaymentsMode,
	paymentsMode,
	type Stripe,
} from "@focus-racer/core";

/** How this api takes money, built once from the env at start. */
export interface Payments {
	mode: PaymentsMode;
	/** Null unless mode is "stripe". */
	stripe: Stripe | null;
	publishableKey: string | null;
	webhookSecret: string | null;
}

export function createPayments(
	env: Pick<
		Env,
		"NODE_ENV" | "STRIPE_SECRET_KEY" | "STRIPE_PUBLISHABLE_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE"
	>,
): Payments {
	const mode = paymentsMode(env);
	const secretKey = env.STRIPE_SECRET_KEY;
	return {
		mode,
		stripe: secretKey ? createStripeClient({ secretKey, apiBase: env.STRIPE_API_BASE }) : null,
		publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
		webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
	};
}

import { type FakeStripe, startFakeStripe } from "@focus-racer/core/testing/stripe";
import { createUploadHarness, type UploadHarness } from "./upload-harness.ts";

/** The two ways the api takes payments, each its own app on the one test database. */
export interface StripeHarnesses {
	stripe: FakeStripe;
	/** Stripe keys set: real PaymentIntents and Checkout sessions against the fake Stripe server. */
	live: UploadHarness;
	/** No Stripe keys, not production: the explicit test payment. */
	testMode: UploadHarness;
	close(): Promise<void>;
}

/** A fake Stripe server, an app configured for it (webhooks signed with `webhookSecret`) and one without keys. */
export async function startStripeHarnesses(webhookSecret: string): Promise<StripeHarnesses> {
	const stripe = await startFakeStripe();
	const live = await createUploadHarness({
		STRIPE_SECRET_KEY: stripe.secretKey,
		STRIPE_PUBLISHABLE_KEY: "pk_test_focus_racer",
		STRIPE_WEBHOOK_SECRET: webhookSecret,
		STRIPE_API_BASE: stripe.apiBase,
	});
	const testMode = await createUploadHarness();
	return {
		stripe,
		live,
		testMode,
		async close() {
			await live.close();
			await testMode.close();
			await stripe.close();
		},
	};
}

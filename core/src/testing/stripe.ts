/** Test kit for other packages: the fake Stripe API and signed webhooks for it. */
export * from "../payments/fake-stripe-server.ts";
export { signStripeEventForTest } from "../payments/webhook-signing.testkit.ts";

import type { Stripe, StripeElements } from "@stripe/stripe-js";
// The "pure" entry loads Stripe.js only when called (stripe mode), not on import, so a site in
// test mode never contacts Stripe. Its file itself: the package has no "exports" map for nodenext.
import { loadStripe } from "@stripe/stripe-js/dist/pure.mjs";
import { LockKeyhole } from "lucide-solid";
import { createSignal, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";

/**
 * Stripe's Payment Element for the order's PaymentIntent: cards, Apple/Google Pay, SEPA… as set
 * in the Stripe dashboard. Confirming sends the visitor to their bank if needed, then back to the
 * downloads page (return_url), which waits for the webhook to mark the order paid.
 */
export function StripePayment(props: {
	publishableKey: string;
	clientSecret: string;
	returnUrl: string;
	amount: string;
	accent: string;
	onBeforeConfirm: () => void;
}): JSX.Element {
	const { t, locale } = useI18n();
	const [ready, setReady] = createSignal(false);
	const [paying, setPaying] = createSignal(false);
	const [error, setError] = createSignal<string>();
	let container: HTMLDivElement | undefined;
	let stripe: Stripe | null = null;
	let elements: StripeElements | undefined;
	let disposed = false;
	onCleanup(() => {
		disposed = true;
		elements?.getElement("payment")?.destroy();
	});

	onMount(async () => {
		try {
			stripe = await loadStripe(props.publishableKey, { locale: locale() });
		} catch {
			stripe = null;
		}
		if (disposed) return;
		if (!stripe || !container) {
			setError(t("checkout.stripeUnavailable"));
			return;
		}
		elements = stripe.elements({
			clientSecret: props.clientSecret,
			locale: locale(),
			appearance: {
				theme: "stripe",
				variables: {
					colorPrimary: props.accent,
					borderRadius: "8px",
					fontFamily: "Inter, system-ui, sans-serif",
				},
			},
		});
		const element = elements.create("payment", { layout: "tabs" });
		element.on("ready", () => setReady(true));
		element.mount(container);
	});

	const pay: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		if (!stripe || !elements) return;
		setPaying(true);
		setError(undefined);
		props.onBeforeConfirm();
		const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: props.returnUrl } });
		// Only reached when the payment could not go through: success leaves for return_url.
		setError(result.error.message ?? t("checkout.paymentFailed"));
		setPaying(false);
	};

	return (
		<form onSubmit={pay} class="space-y-4" data-testid="stripe-payment">
			<div class="min-h-40 rounded-xl border border-ink-100 bg-white p-3">
				<Show when={!ready() && !error()}>
					<p class="flex items-center gap-2 p-2 text-sm text-ink-500" role="status">
						<Spinner class="size-4" />
						{t("checkout.stripeLoading")}
					</p>
				</Show>
				<div ref={container} />
			</div>
			<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
			<button
				type="submit"
				class="btn-lg btn w-full bg-(--accent) text-(--accent-fg) shadow-sm hover:brightness-110"
				disabled={!ready() || paying()}
			>
				<Show when={paying()} fallback={<LockKeyhole class="size-5" aria-hidden="true" />}>
					<Spinner class="size-5" />
				</Show>
				{paying() ? t("checkout.paying") : t("checkout.payAmount", props.amount)}
			</button>
		</form>
	);
}

import { FlaskConical } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatPrice } from "../../lib/format-price.ts";
import type { CreditOffer } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";
import { trpc } from "../../lib/trpc.ts";

/**
 * The site has no Stripe keys: buying is a clearly labelled button that grants the credits
 * without any money moving, so the whole flow can be tried. Never offered in production.
 */
export function TestCreditPayment(props: {
	offer: CreditOffer;
	onPaid: () => void;
	onCancel: () => void;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const pay = async () => {
		setPending(true);
		setError(undefined);
		try {
			await trpc.credits.payTest.mutate({ offerId: props.offer.id });
			props.onPaid();
		} catch (err) {
			setError(apiErrorMessage(err, t));
			setPending(false);
		}
	};
	return (
		<div
			class="rounded-2xl border-2 border-dashed border-amber-400 bg-amber-100 p-5 text-amber-950"
			role="dialog"
			aria-labelledby="test-payment-title"
			data-testid="credits-test-payment"
		>
			<p
				id="test-payment-title"
				class="flex items-center gap-2 text-sm font-extrabold tracking-wide uppercase"
			>
				<FlaskConical class="size-5 shrink-0" aria-hidden="true" />
				{t("creditsPage.testTitle")}
			</p>
			<p class="mt-1.5 text-sm">{t("creditsPage.testText")}</p>
			<p class="mt-3 font-semibold">
				{t(
					"creditsPage.testWhat",
					formatCount(props.offer.credits, intlLocale()),
					formatPrice(props.offer.priceCents, intlLocale()),
				)}
			</p>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
			<div class="mt-4 flex flex-wrap gap-2">
				<button
					type="button"
					class="btn bg-amber-900 text-white hover:bg-amber-950"
					disabled={pending()}
					onClick={() => void pay()}
					ref={(el) => queueMicrotask(() => el.focus())}
				>
					<Show when={pending()}>
						<Spinner class="size-4" />
					</Show>
					{t("creditsPage.testConfirm")}
				</button>
				<button type="button" class="btn-secondary" disabled={pending()} onClick={() => props.onCancel()}>
					{t("common.cancel")}
				</button>
			</div>
		</div>
	);
}

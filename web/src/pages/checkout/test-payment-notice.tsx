import { FlaskConical } from "lucide-solid";
import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** Unmistakable: on a site without Stripe keys, the "payment" is a button and no money moves. */
export function TestPaymentNotice(): JSX.Element {
	const { t } = useI18n();
	return (
		<div
			class="rounded-2xl border-2 border-dashed border-amber-400 bg-amber-100 p-4 text-amber-950"
			role="note"
			data-testid="test-payment"
		>
			<p class="flex items-center gap-2 text-sm font-extrabold tracking-wide uppercase">
				<FlaskConical class="size-5 shrink-0" aria-hidden="true" />
				{t("checkout.testTitle")}
			</p>
			<p class="mt-1.5 text-sm">{t("checkout.testText")}</p>
		</div>
	);
}

import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { formatPrice } from "../../lib/format-price.ts";
import type { CreditSubscription } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";

const knownStatuses = ["active", "trialing", "past_due", "canceled", "incomplete", "unpaid"] as const;
type KnownStatus = (typeof knownStatuses)[number];
const isKnown = (status: string): status is KnownStatus =>
	(knownStatuses as readonly string[]).includes(status);

/** The pro's monthly plans as Stripe reports them (status is Stripe's own word, translated when known). */
export function CurrentPlan(props: { subscriptions: readonly CreditSubscription[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const status = (value: string) => (isKnown(value) ? t(`creditsPage.statuses.${value}`) : value);
	return (
		<Show
			when={props.subscriptions.length > 0}
			fallback={<p class="text-sm text-ink-600">{t("creditsPage.noPlan")}</p>}
		>
			<ul class="space-y-3">
				<For each={props.subscriptions}>
					{(plan) => (
						<li class="rounded-xl bg-ink-50 p-3 text-sm">
							<p class="flex flex-wrap items-center gap-2 font-semibold text-ink-900">
								{t(
									"creditsPage.planLine",
									formatCount(plan.creditsPerPeriod, intlLocale()),
									formatPrice(plan.priceCents, intlLocale()),
								)}
								<span
									class="rounded-full px-2 py-0.5 text-xs font-semibold"
									classList={{
										"bg-emerald-100 text-emerald-800": plan.status === "active" || plan.status === "trialing",
										"bg-amber-100 text-amber-800": plan.status !== "active" && plan.status !== "trialing",
									}}
								>
									{status(plan.status)}
								</span>
							</p>
							<Show when={plan.currentPeriodEnd}>
								{(end) => (
									<p class="mt-1 text-ink-600">
										{plan.cancelAtPeriodEnd
											? t("creditsPage.endsOn", formatEventDate(end().slice(0, 10), intlLocale()))
											: t("creditsPage.renewsOn", formatEventDate(end().slice(0, 10), intlLocale()))}
									</p>
								)}
							</Show>
						</li>
					)}
				</For>
			</ul>
		</Show>
	);
}

import { A, createAsync } from "@solidjs/router";
import { Coins } from "lucide-solid";
import { ErrorBoundary, type JSX, Suspense } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { getCreditBalance } from "../lib/queries/credit-balance.ts";

/**
 * The credit balance in the pro and organizer top bar (PRODUCT §5: always in sight), leading to
 * the credits page. Imports and purchases revalidate the same query, so it follows them.
 */
export function CreditBalanceChip(props: { href: string }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const balance = createAsync(() => getCreditBalance());
	return (
		<A
			href={props.href}
			class="inline-flex items-center gap-1 rounded-full bg-white/10 px-2 py-1 sm:gap-1.5 text-xs font-bold text-white tabular-nums hover:bg-white/20 sm:px-3 sm:text-sm"
			data-testid="credit-balance-chip"
		>
			<Coins class="size-4 text-brand-400" aria-hidden="true" />
			<ErrorBoundary fallback={<span>—</span>}>
				<Suspense fallback={<span class="inline-block h-3.5 w-10 animate-pulse rounded bg-white/20" />}>
					{/* One flex item: the gap would otherwise split the number from its unit. */}
					<span>
						<span class="sr-only">{t("creditsPage.balanceLabel")} </span>
						{new Intl.NumberFormat(intlLocale()).format(balance() ?? 0)}
						<span class="hidden sm:inline"> {t("creditsPage.creditsUnit", balance() ?? 0)}</span>
					</span>
				</Suspense>
			</ErrorBoundary>
		</A>
	);
}

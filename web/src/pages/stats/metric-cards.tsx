import { Eye, Images, ScanText, ShoppingCart, UserX, Wallet } from "lucide-solid";
import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import type { EventMetrics } from "../../lib/pro/pro-types.ts";
import { formatCount, formatRate } from "../../lib/pro/rates.ts";
import { StatCard } from "./stat-card.tsx";

/** The six figures of an event or of all of them (PRODUCT: photos, read rate, orphans, visitors, conversion, revenue). */
export function MetricCards(props: {
	metrics: Omit<EventMetrics, "eventId" | "name" | "date">;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const count = (value: number) => formatCount(value, intlLocale());
	return (
		<div class="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
			<StatCard
				id="photos"
				icon={Images}
				label={t("stats.photos")}
				value={count(props.metrics.photos)}
				detail={t("stats.photosDetail", props.metrics.ready, props.metrics.inProgress)}
			/>
			<StatCard
				id="read-rate"
				icon={ScanText}
				label={t("stats.readRate")}
				value={formatRate(props.metrics.bibReadRate, intlLocale())}
				detail={t("stats.readRateDetail", props.metrics.withOcrBib)}
			/>
			<StatCard
				id="orphan-rate"
				icon={UserX}
				label={t("stats.orphanRate")}
				value={formatRate(props.metrics.orphanRate, intlLocale())}
				detail={t("stats.orphanDetail", props.metrics.orphans)}
			/>
			<StatCard
				id="visitors"
				icon={Eye}
				label={t("stats.visitors")}
				value={count(props.metrics.visitors)}
				detail={t("stats.visitorsDetail")}
			/>
			<StatCard
				id="conversion"
				icon={ShoppingCart}
				label={t("stats.conversion")}
				value={formatRate(props.metrics.conversionRate, intlLocale())}
				detail={t("stats.buyers", props.metrics.buyers)}
			/>
			<StatCard
				id="revenue"
				icon={Wallet}
				label={t("stats.revenue")}
				value={formatPrice(props.metrics.revenueCents, intlLocale())}
				detail={
					props.metrics.testOrders > 0
						? t("stats.ordersWithTest", props.metrics.paidOrders, props.metrics.testOrders)
						: t("stats.orders", props.metrics.paidOrders)
				}
			/>
		</div>
	);
}

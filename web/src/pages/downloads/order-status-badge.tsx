import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { OrderStatus } from "../../lib/shop/shop-types.ts";

const tones: Record<OrderStatus, string> = {
	pending: "bg-amber-50 text-amber-800 ring-amber-200",
	paid: "bg-emerald-50 text-emerald-800 ring-emerald-200",
	failed: "bg-red-50 text-red-800 ring-red-200",
	refunded: "bg-ink-100 text-ink-700 ring-ink-200",
	canceled: "bg-ink-100 text-ink-700 ring-ink-200",
};

export function OrderStatusBadge(props: { status: OrderStatus }): JSX.Element {
	const { t } = useI18n();
	return (
		<span
			class={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[props.status]}`}
		>
			{t(`orders.status.${props.status}`)}
		</span>
	);
}

export function TestOrderBadge(): JSX.Element {
	const { t } = useI18n();
	return (
		<span class="inline-flex rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-bold text-amber-900 ring-1 ring-amber-300 ring-inset">
			{t("orders.testBadge")}
		</span>
	);
}

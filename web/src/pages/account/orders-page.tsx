import { A, createAsync, revalidate } from "@solidjs/router";
import { ChevronDown, Receipt, TriangleAlert } from "lucide-solid";
import { createSignal, ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatDayTime } from "../../lib/format-day-time.ts";
import { formatPrice } from "../../lib/format-price.ts";
import { getMyOrders } from "../../lib/queries/orders.ts";
import { eventPath } from "../../lib/shop/shop-paths.ts";
import type { MyOrder } from "../../lib/shop/shop-types.ts";
import type { SectionKey } from "../../lib/spaces.ts";
import { OrderStatusBadge, TestOrderBadge } from "../downloads/order-status-badge.tsx";
import { OrderDownloadsPanel } from "./order-downloads-panel.tsx";

/**
 * The runner's orders (`/account/orders`), or only the paid ones with their files open
 * (`/account/downloads`): one page, two sections of the account space.
 */
export function OrdersPage(props: { section: Extract<SectionKey, "orders" | "downloads"> }): JSX.Element {
	const { t } = useI18n();
	return (
		<div>
			<PageTitle>{t(`sections.${props.section}.title`)}</PageTitle>
			<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{t(`sections.${props.section}.title`)}</h1>
			<p class="mt-2 text-ink-600">{t(`sections.${props.section}.description`)}</p>
			<div class="mt-8">
				<ErrorBoundary
					fallback={(_, reset) => (
						<EmptyState icon={TriangleAlert} title={t("orders.loadError")} text={t("errors.generic")}>
							<button
								type="button"
								class="btn-primary"
								onClick={() => {
									void revalidate(getMyOrders.key);
									reset();
								}}
							>
								{t("common.retry")}
							</button>
						</EmptyState>
					)}
				>
					<Suspense
						fallback={<div class="card h-40 animate-pulse" role="status" aria-label={t("common.loading")} />}
					>
						<OrderList downloadsOnly={props.section === "downloads"} />
					</Suspense>
				</ErrorBoundary>
			</div>
		</div>
	);
}

export function AccountOrdersPage(): JSX.Element {
	return <OrdersPage section="orders" />;
}

export function AccountDownloadsPage(): JSX.Element {
	return <OrdersPage section="downloads" />;
}

function OrderList(props: { downloadsOnly: boolean }): JSX.Element {
	const { t } = useI18n();
	const orders = createAsync(() => getMyOrders());
	const shown = () => (orders() ?? []).filter((o) => !props.downloadsOnly || o.status === "paid");
	return (
		<Show
			when={shown().length > 0}
			fallback={
				<EmptyState icon={Receipt} title={t("orders.emptyTitle")} text={t("orders.emptyText")}>
					<A href="/events" class="btn-primary">
						{t("nav.findPhotos")}
					</A>
				</EmptyState>
			}
		>
			<ul class="space-y-3" data-testid="account-orders">
				<For each={shown()}>{(order) => <OrderCard order={order} open={props.downloadsOnly} />}</For>
			</ul>
		</Show>
	);
}

function OrderCard(props: { order: MyOrder; open: boolean }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const [open, setOpen] = createSignal(props.open);
	const paid = () => props.order.status === "paid";
	return (
		<li class="card p-4 sm:p-5">
			<div class="flex flex-wrap items-start justify-between gap-3">
				<div class="min-w-0">
					<p class="font-bold text-ink-900">
						<Show when={props.order.eventSlug} fallback={props.order.eventName ?? t("orders.deletedEvent")}>
							{(slug) => (
								<A href={eventPath(slug())} class="hover:text-brand-700">
									{props.order.eventName}
								</A>
							)}
						</Show>
					</p>
					<p class="mt-0.5 text-sm text-ink-600">
						{formatDayTime(props.order.createdAt, intlLocale())} ·{" "}
						{t("events.photoCount", props.order.photoCount)}
					</p>
				</div>
				<div class="flex flex-wrap items-center gap-2">
					<Show when={props.order.isTestPayment}>
						<TestOrderBadge />
					</Show>
					<OrderStatusBadge status={props.order.status} />
					<span class="font-bold text-ink-900 tabular-nums">
						{formatPrice(props.order.totalCents, intlLocale())}
					</span>
				</div>
			</div>
			<Show when={paid()}>
				<div class="mt-3 border-t border-ink-100 pt-3">
					<Show
						when={open()}
						fallback={
							<button type="button" class="btn-secondary" onClick={() => setOpen(true)} aria-expanded="false">
								{t("orders.showFiles")}
								<ChevronDown class="size-4" aria-hidden="true" />
							</button>
						}
					>
						<OrderDownloadsPanel orderId={props.order.id} />
					</Show>
				</div>
			</Show>
		</li>
	);
}

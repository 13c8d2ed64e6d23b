import { A, createAsync, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { CircleAlert, CircleCheckBig, FileArchive, Hourglass, SearchX, TriangleAlert } from "lucide-solid";
import {
	createEffect,
	createSignal,
	ErrorBoundary,
	type JSX,
	Match,
	on,
	onCleanup,
	Show,
	Suspense,
	Switch,
} from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PageLoader, Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatDayTime } from "../../lib/format-day-time.ts";
import { formatPrice } from "../../lib/format-price.ts";
import { getOrderByToken } from "../../lib/queries/orders.ts";
import { eventCart } from "../../lib/shop/event-cart.ts";
import { takeCheckout } from "../../lib/shop/pending-checkouts.ts";
import { cartPath, eventPath } from "../../lib/shop/shop-paths.ts";
import type { OrderDownloads } from "../../lib/shop/shop-types.ts";
import { isApiError } from "../../lib/trpc.ts";
import { OrderFiles } from "./order-files.tsx";
import { OrderStatusBadge, TestOrderBadge } from "./order-status-badge.tsx";

/** A paid order shows up within seconds of the payment (webhook); after a minute we stop asking. */
const pollMs = 2000;
const pollLimitMs = 60_000;

/**
 * `/downloads/:token`: the receipt link's page (guests have no account). While the payment is
 * being confirmed it asks again every 2 s, then lists the HD originals and the ZIP of all.
 */
export function DownloadsPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ token: string }>();
	return (
		<div class="flex-1 bg-ink-50">
			<PageTitle>{t("downloads.metaTitle")}</PageTitle>
			<div class="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
				<ErrorBoundary
					fallback={(error, reset) =>
						isApiError(error) && (error.data?.code === "NOT_FOUND" || error.data?.code === "BAD_REQUEST") ? (
							<EmptyState
								icon={SearchX}
								title={t("downloads.notFoundTitle")}
								text={t("downloads.notFoundText")}
							>
								<A href="/events" class="btn-primary">
									{t("event.allRaces")}
								</A>
							</EmptyState>
						) : (
							<EmptyState icon={TriangleAlert} title={t("downloads.loadError")} text={t("errors.generic")}>
								<button
									type="button"
									class="btn-primary"
									onClick={() => {
										void revalidate(getOrderByToken.key);
										reset();
									}}
								>
									{t("common.retry")}
								</button>
							</EmptyState>
						)
					}
				>
					<Suspense fallback={<PageLoader />}>
						<OrderView token={params.token} />
					</Suspense>
				</ErrorBoundary>
			</div>
		</div>
	);
}

function OrderView(props: { token: string }): JSX.Element {
	const { t } = useI18n();
	const [searchParams] = useSearchParams();
	const data = createAsync(() => getOrderByToken(props.token));
	const [gaveUp, setGaveUp] = createSignal(false);
	// Stripe's return_url says when the bank refused, before any webhook does.
	const redirectFailed = () => searchParams.redirect_status === "failed";

	const status = () => data()?.order.status;
	createEffect(
		on(status, (current) => {
			if (current !== "pending" || redirectFailed()) return;
			const started = Date.now();
			const timer = setInterval(() => {
				if (Date.now() - started > pollLimitMs) {
					clearInterval(timer);
					setGaveUp(true);
					return;
				}
				void revalidate(getOrderByToken.keyFor(props.token));
			}, pollMs);
			onCleanup(() => clearInterval(timer));
		}),
	);

	// Paid after a card payment: the cart it came from is emptied now (not before: a refusal keeps it).
	createEffect(
		on(status, (current) => {
			if (current !== "paid") return;
			const eventId = takeCheckout(props.token);
			if (eventId) eventCart(eventId).clear();
		}),
	);

	return (
		<Show when={data()}>
			{(current) => (
				<div class="space-y-5" data-testid="downloads" data-status={current().order.status}>
					<Switch>
						<Match when={current().order.status === "paid"}>
							<PaidHeader data={current()} />
						</Match>
						<Match when={current().order.status === "pending" && redirectFailed()}>
							<StatusPanel tone="error" title={t("downloads.failedTitle")} text={t("downloads.failedText")}>
								<Show when={current().order.eventSlug}>
									{(slug) => (
										<A href={cartPath(slug())} class="btn-primary">
											{t("downloads.backToCart")}
										</A>
									)}
								</Show>
							</StatusPanel>
						</Match>
						<Match when={current().order.status === "pending"}>
							<StatusPanel
								tone="waiting"
								title={t("downloads.pendingTitle")}
								text={gaveUp() ? t("downloads.pendingLong") : t("downloads.pendingText")}
							>
								<Show
									when={gaveUp()}
									fallback={
										<p class="flex items-center gap-2 text-sm font-medium text-ink-700" role="status">
											<Spinner class="size-4 text-brand-600" />
											{t("downloads.checking")}
										</p>
									}
								>
									<button type="button" class="btn-primary" onClick={() => window.location.reload()}>
										{t("downloads.reload")}
									</button>
								</Show>
							</StatusPanel>
						</Match>
						<Match when={current().order.status === "failed" || current().order.status === "canceled"}>
							<StatusPanel tone="error" title={t("downloads.failedTitle")} text={t("downloads.failedText")}>
								<Show when={current().order.eventSlug}>
									{(slug) => (
										<A href={cartPath(slug())} class="btn-primary">
											{t("downloads.backToCart")}
										</A>
									)}
								</Show>
							</StatusPanel>
						</Match>
						<Match when={current().order.status === "refunded"}>
							<StatusPanel
								tone="error"
								title={t("downloads.refundedTitle")}
								text={t("downloads.refundedText")}
							/>
						</Match>
					</Switch>
					<Show when={current().order.status === "paid" && current().files.length > 0}>
						<section class="card p-4 sm:p-5" aria-labelledby="files-title">
							<h2 id="files-title" class="text-base font-bold text-ink-900">
								{t("downloads.filesTitle", current().files.length)}
							</h2>
							<OrderFiles files={current().files} />
						</section>
					</Show>
					<Receipt data={current()} />
				</div>
			)}
		</Show>
	);
}

function PaidHeader(props: { data: OrderDownloads }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<section class="card overflow-hidden">
			<div class="bg-linear-to-br from-emerald-500 to-emerald-600 px-5 py-6 text-white sm:px-7">
				<CircleCheckBig class="size-10" aria-hidden="true" />
				<h1 class="mt-3 text-2xl font-extrabold sm:text-3xl">{t("downloads.paidTitle")}</h1>
				<p class="mt-1 text-emerald-50">{t("downloads.paidText", props.data.files.length)}</p>
			</div>
			<div class="space-y-4 p-5 sm:p-7">
				<Show when={props.data.zipUrl}>
					{(url) => (
						<a
							href={url()}
							class="btn-primary btn-lg w-full sm:w-auto"
							download=""
							data-testid="download-zip"
						>
							<FileArchive class="size-5" aria-hidden="true" />
							{t("downloads.zip")}
						</a>
					)}
				</Show>
				<Alert tone="info">
					{props.data.linksExpireAt
						? t("downloads.validity", formatDayTime(props.data.linksExpireAt, intlLocale()))
						: t("downloads.validityShort")}
				</Alert>
			</div>
		</section>
	);
}

function StatusPanel(props: {
	tone: "waiting" | "error";
	title: string;
	text: string;
	children?: JSX.Element;
}): JSX.Element {
	return (
		<section class="card flex flex-col items-center px-6 py-10 text-center" data-testid="order-status-panel">
			<div
				class="flex size-16 items-center justify-center rounded-2xl ring-8"
				classList={{
					"bg-amber-50 text-amber-600 ring-amber-50/50": props.tone === "waiting",
					"bg-red-50 text-red-600 ring-red-50/50": props.tone === "error",
				}}
			>
				{props.tone === "waiting" ? (
					<Hourglass class="size-8" aria-hidden="true" />
				) : (
					<CircleAlert class="size-8" aria-hidden="true" />
				)}
			</div>
			<h1 class="mt-5 text-xl font-bold text-ink-900">{props.title}</h1>
			<p class="mt-2 max-w-md text-ink-600">{props.text}</p>
			<Show when={props.children}>
				<div class="mt-6 flex flex-wrap justify-center gap-3">{props.children}</div>
			</Show>
		</section>
	);
}

function Receipt(props: { data: OrderDownloads }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const money = (cents: number) => formatPrice(cents, intlLocale());
	const order = () => props.data.order;
	return (
		<section class="card p-4 sm:p-5" aria-labelledby="receipt-title" data-testid="receipt">
			<div class="flex flex-wrap items-center justify-between gap-2">
				<h2 id="receipt-title" class="text-base font-bold text-ink-900">
					{t("downloads.receiptTitle")}
				</h2>
				<div class="flex gap-2">
					<Show when={order().isTestPayment}>
						<TestOrderBadge />
					</Show>
					<OrderStatusBadge status={order().status} />
				</div>
			</div>
			<dl class="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
				<Show when={order().eventName}>
					{(name) => (
						<>
							<dt class="text-ink-500">{t("downloads.event")}</dt>
							<dd class="text-right font-medium text-ink-900">
								<Show when={order().eventSlug} fallback={name()}>
									{(slug) => (
										<A href={eventPath(slug())} class="hover:text-brand-700 hover:underline">
											{name()}
										</A>
									)}
								</Show>
							</dd>
						</>
					)}
				</Show>
				<dt class="text-ink-500">{t("downloads.orderNumber")}</dt>
				<dd class="text-right font-mono text-ink-900">{order().id.slice(0, 8).toUpperCase()}</dd>
				<dt class="text-ink-500">{t("downloads.orderedAt")}</dt>
				<dd class="text-right text-ink-900">{formatDayTime(order().createdAt, intlLocale())}</dd>
				<Show when={order().paidAt}>
					{(at) => (
						<>
							<dt class="text-ink-500">{t("downloads.paidAt")}</dt>
							<dd class="text-right text-ink-900">{formatDayTime(at(), intlLocale())}</dd>
						</>
					)}
				</Show>
				<div class="col-span-2 border-t border-ink-100" aria-hidden="true" />
				<dt class="text-ink-500">{t("downloads.subtotal")}</dt>
				<dd class="text-right tabular-nums">{money(order().subtotalCents)}</dd>
				<dt class="text-ink-500">{t("cart.serviceFee")}</dt>
				<dd class="text-right tabular-nums">{money(order().serviceFeeCents)}</dd>
				<dt class="font-bold text-ink-900">{t("cart.total")}</dt>
				<dd class="text-right font-bold text-ink-900 tabular-nums" data-testid="receipt-total">
					{money(order().totalCents)}
				</dd>
			</dl>
		</section>
	);
}

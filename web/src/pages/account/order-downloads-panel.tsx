import { createAsync } from "@solidjs/router";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatDayTime } from "../../lib/format-day-time.ts";
import { getMyOrderDownloads } from "../../lib/queries/orders.ts";
import { OrderFiles } from "../downloads/order-files.tsx";

/** One of the runner's orders, its files fetched when opened (fresh 24 h links each time). */
export function OrderDownloadsPanel(props: { orderId: string }): JSX.Element {
	const { t } = useI18n();
	return (
		<ErrorBoundary fallback={<Alert tone="error">{t("downloads.loadError")}</Alert>}>
			<Suspense
				fallback={
					<p class="flex items-center gap-2 py-3 text-sm text-ink-500" role="status">
						<Spinner class="size-4" />
						{t("common.loading")}
					</p>
				}
			>
				<Loaded orderId={props.orderId} />
			</Suspense>
		</ErrorBoundary>
	);
}

function Loaded(props: { orderId: string }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const data = createAsync(() => getMyOrderDownloads(props.orderId));
	return (
		<Show when={data()}>
			{(current) => (
				<Show
					when={current().files.length > 0}
					fallback={<p class="py-3 text-sm text-ink-500">{t("orders.noFiles")}</p>}
				>
					<OrderFiles files={current().files} />
					<Show when={current().linksExpireAt}>
						{(at) => (
							<p class="mt-2 text-xs text-ink-500">
								{t("downloads.validity", formatDayTime(at(), intlLocale()))}
							</p>
						)}
					</Show>
				</Show>
			)}
		</Show>
	);
}

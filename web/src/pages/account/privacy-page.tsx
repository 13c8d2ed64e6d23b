import { createAsync, revalidate } from "@solidjs/router";
import { Download, FileLock2 } from "lucide-solid";
import { createSignal, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatDayTime } from "../../lib/format-day-time.ts";
import { getGdprRequests } from "../../lib/queries/gdpr-requests.ts";
import { trpc } from "../../lib/trpc.ts";
import { DeleteAccountCard } from "./delete-account-card.tsx";

/**
 * Personal data (GDPR): a copy of everything the platform holds about the account, at once;
 * the requests made so far; and a deletion request, which an administrator carries out (photos
 * of the person included, which needs a human to find them).
 */
export function PrivacyPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const requests = createAsync(() => getGdprRequests());
	const [exporting, setExporting] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [link, setLink] = createSignal<string>();

	const exportData = async () => {
		setExporting(true);
		setError(undefined);
		try {
			const { downloadUrl } = await trpc.account.exportData.mutate();
			setLink(downloadUrl);
			// A download (the link names a ZIP attachment): the page stays where it is.
			window.location.assign(downloadUrl);
			void revalidate(getGdprRequests.key);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setExporting(false);
		}
	};

	return (
		<div class="space-y-6">
			<PageHeading title={t("sections.privacy.title")} text={t("privacy.intro")} />
			<section class="card p-5 sm:p-6" aria-labelledby="export-title">
				<h2 id="export-title" class="flex items-center gap-2 text-lg font-bold text-ink-900">
					<FileLock2 class="size-5 text-brand-600" aria-hidden="true" />
					{t("privacy.exportTitle")}
				</h2>
				<p class="mt-1 text-sm text-ink-600">{t("privacy.exportText")}</p>
				<button
					type="button"
					class="btn-primary mt-5"
					disabled={exporting()}
					onClick={() => void exportData()}
					data-testid="gdpr-export"
				>
					<Show when={exporting()} fallback={<Download class="size-4" aria-hidden="true" />}>
						<Spinner class="size-4" />
					</Show>
					{exporting() ? t("privacy.exporting") : t("privacy.export")}
				</button>
				<Show when={link()}>
					{(url) => (
						<div class="mt-4">
							<Alert tone="success">
								{t("privacy.exportReady")}{" "}
								<a href={url()} class="font-semibold underline">
									{t("privacy.exportLink")}
								</a>
							</Alert>
						</div>
					)}
				</Show>
				<Show when={error()}>
					{(message) => (
						<div class="mt-4">
							<Alert tone="error">{message()}</Alert>
						</div>
					)}
				</Show>
			</section>

			<section class="card p-5 sm:p-6" aria-labelledby="requests-title">
				<h2 id="requests-title" class="text-lg font-bold text-ink-900">
					{t("privacy.requestsTitle")}
				</h2>
				<Show
					when={(requests() ?? []).length > 0}
					fallback={<p class="mt-2 text-sm text-ink-600">{t("privacy.requestsEmpty")}</p>}
				>
					<ul
						class="mt-4 divide-y divide-ink-100 rounded-xl border border-ink-100"
						data-testid="gdpr-requests"
					>
						<For each={requests()}>
							{(request) => (
								<li class="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
									<span class="font-semibold text-ink-900">{t(`privacy.kinds.${request.kind}`)}</span>
									<span
										class="rounded-full px-2 py-0.5 text-xs font-semibold"
										classList={{
											"bg-emerald-50 text-emerald-800": request.status === "completed",
											"bg-amber-50 text-amber-800":
												request.status === "pending" || request.status === "processing",
											"bg-ink-100 text-ink-700": request.status === "rejected",
										}}
									>
										{t(`privacy.statuses.${request.status}`)}
									</span>
									<span class="text-ink-500">{formatDayTime(request.createdAt, intlLocale())}</span>
									<Show when={request.downloadUrl}>
										{(url) => (
											<a
												href={url()}
												class="ml-auto inline-flex items-center gap-1 font-semibold text-brand-700 hover:underline"
											>
												<Download class="size-4" aria-hidden="true" />
												{t("privacy.download")}
											</a>
										)}
									</Show>
								</li>
							)}
						</For>
					</ul>
				</Show>
			</section>

			<DeleteAccountCard
				pendingRequest={(requests() ?? []).some(
					(r) => r.kind === "deletion" && (r.status === "pending" || r.status === "processing"),
				)}
				onRequested={() => revalidate(getGdprRequests.key)}
			/>
		</div>
	);
}

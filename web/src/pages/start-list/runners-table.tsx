import { createAsync } from "@solidjs/router";
import { Users } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { createMorePages } from "../../lib/more-pages.ts";
import { getStartListEntries } from "../../lib/queries/start-list.ts";

/** The event's runners by bib, 200 at a time; an import refreshes the first page and drops the rest. */
export function RunnersTable(props: { eventId: string; total: number }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const first = createAsync(() => getStartListEntries(props.eventId));
	// An import replaces the list: the later pages restart from its new first page.
	const {
		rows: entries,
		cursor,
		loading,
		error,
		loadMore,
	} = createMorePages({
		first,
		fetchPage: (after) => getStartListEntries(props.eventId, after),
		toPage: (page) => ({ rows: page.entries, next: page.nextAfter }),
		restartWhenFirstChanges: true,
	});

	return (
		<section class="card p-5 sm:p-6" aria-labelledby="runners-title">
			<h2 id="runners-title" class="flex items-center gap-2 text-lg font-bold text-ink-900">
				<Users class="size-5 text-brand-600" aria-hidden="true" />
				{t("startList.runnersTitle")}
				<span
					class="ml-1 rounded-full bg-ink-100 px-2 py-0.5 text-xs font-semibold text-ink-700 tabular-nums"
					data-testid="runners-count"
				>
					{new Intl.NumberFormat(intlLocale()).format(props.total)}
				</span>
			</h2>
			<Show
				when={entries().length > 0}
				fallback={<p class="mt-3 text-sm text-ink-600">{t("startList.runnersEmpty")}</p>}
			>
				{/* Its own scroll box: a list of thousands must not push the rest of the page away. */}
				<div class="relative -mx-5 mt-4 max-h-[32rem] overflow-auto sm:mx-0">
					<table class="min-w-full text-left text-sm" data-testid="runners-table">
						<thead class="sticky top-0 border-b border-ink-100 bg-white text-xs text-ink-500 uppercase">
							<tr>
								<th scope="col" class="px-3 py-2 font-semibold sm:pl-0">
									{t("startList.fields.bib")}
								</th>
								<th scope="col" class="px-3 py-2 font-semibold">
									{t("startList.runnerName")}
								</th>
								<th scope="col" class="px-3 py-2 font-semibold">
									{t("startList.fields.category")}
								</th>
								<th scope="col" class="hidden px-3 py-2 font-semibold md:table-cell">
									{t("startList.fields.club")}
								</th>
								<th scope="col" class="hidden px-3 py-2 font-semibold lg:table-cell">
									{t("startList.fields.email")}
								</th>
							</tr>
						</thead>
						<tbody class="divide-y divide-ink-100">
							<For each={entries()}>
								{(entry) => (
									<tr>
										<td class="px-3 py-2 font-bold text-ink-900 tabular-nums sm:pl-0">{entry.bib}</td>
										<td class="px-3 py-2 text-ink-800">
											{[entry.firstName, entry.lastName].filter(Boolean).join(" ") || "—"}
										</td>
										<td class="px-3 py-2 text-ink-600">{entry.category ?? "—"}</td>
										<td class="hidden px-3 py-2 text-ink-600 md:table-cell">{entry.club ?? "—"}</td>
										<td class="hidden px-3 py-2 break-all text-ink-600 lg:table-cell">
											{entry.email ?? "—"}
										</td>
									</tr>
								)}
							</For>
						</tbody>
					</table>
				</div>
				<Show when={error() !== undefined}>
					<div class="mt-3">
						<Alert tone="error">{apiErrorMessage(error(), t)}</Alert>
					</div>
				</Show>
				<Show when={cursor()}>
					<button
						type="button"
						class="btn-secondary mt-4"
						disabled={loading()}
						onClick={() => void loadMore()}
					>
						<Show when={loading()}>
							<Spinner class="size-4" />
						</Show>
						{t("startList.moreRunners", entries().length, props.total)}
					</button>
				</Show>
			</Show>
		</section>
	);
}

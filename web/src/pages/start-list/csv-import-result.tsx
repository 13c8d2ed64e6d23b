import { For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { CsvImportResult } from "../../lib/pro/pro-types.ts";
import { issueText } from "./issue-text.ts";

/** Lines shown before "and N more": enough to see what went wrong without a wall of rows. */
const shownIssues = 50;

/** What the import did: runners added and updated, photos linked, and each line set aside. */
export function CsvImportResultView(props: { result: CsvImportResult }): JSX.Element {
	const { t } = useI18n();
	const skipped = () => props.result.errors.filter((e) => e.severity === "error").length;
	return (
		<div class="space-y-4" data-testid="csv-result">
			<Alert tone={props.result.created + props.result.updated > 0 ? "success" : "info"}>
				<p class="font-semibold" data-testid="csv-result-summary">
					{t("startList.resultSummary", props.result.created, props.result.updated)}
				</p>
				<p class="mt-0.5">{t("startList.resultLinked", props.result.linkedPhotos)}</p>
				<Show when={props.result.errors.length > 0}>
					<p class="mt-0.5">
						{t("startList.resultIssues", skipped(), props.result.errors.length - skipped())}
					</p>
				</Show>
			</Alert>
			<Show when={props.result.errors.length > 0}>
				<div class="overflow-hidden rounded-xl ring-1 ring-ink-100">
					<table class="min-w-full text-left text-sm" data-testid="csv-issues">
						<caption class="bg-ink-50 px-3 py-2 text-left text-sm font-semibold text-ink-900">
							{t("startList.issuesTitle")}
						</caption>
						<thead class="bg-ink-50 text-xs text-ink-500 uppercase">
							<tr>
								<th scope="col" class="px-3 py-2 font-semibold">
									{t("startList.issueLine")}
								</th>
								<th scope="col" class="px-3 py-2 font-semibold">
									{t("startList.issueWhat")}
								</th>
							</tr>
						</thead>
						<tbody class="divide-y divide-ink-100 bg-white">
							<For each={props.result.errors.slice(0, shownIssues)}>
								{(issue) => (
									<tr>
										<td class="px-3 py-2 align-top font-semibold text-ink-900 tabular-nums">{issue.line}</td>
										<td class="px-3 py-2 text-ink-700">
											<span
												class="mr-2 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold"
												classList={{
													"bg-red-50 text-red-800": issue.severity === "error",
													"bg-amber-50 text-amber-800": issue.severity === "warning",
												}}
											>
												{issue.severity === "error" ? t("startList.skipped") : t("startList.changed")}
											</span>
											{issueText(issue, t)}
										</td>
									</tr>
								)}
							</For>
						</tbody>
					</table>
					<Show when={props.result.errors.length > shownIssues}>
						<p class="bg-white px-3 py-2 text-sm text-ink-500">
							{t("startList.moreIssues", props.result.errors.length - shownIssues)}
						</p>
					</Show>
				</div>
			</Show>
		</div>
	);
}

import { CircleCheck } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { TopRunner } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";

/** The ten most photographed bibs, with whether their runner bought (who to remind, who to thank). */
export function TopRunnersTable(props: { runners: readonly TopRunner[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<Show
			when={props.runners.length > 0}
			fallback={<p class="text-sm text-ink-600">{t("stats.topEmpty")}</p>}
		>
			<div class="relative -mx-5 overflow-x-auto sm:mx-0">
				<table class="min-w-full text-sm" data-testid="top-runners">
					<thead class="border-b border-ink-100 text-xs text-ink-500 uppercase">
						<tr>
							<th scope="col" class="px-3 py-2 text-left font-semibold sm:pl-0">
								{t("startList.fields.bib")}
							</th>
							<th scope="col" class="px-3 py-2 text-left font-semibold">
								{t("startList.runnerName")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold">
								{t("stats.photos")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold sm:pr-0">
								{t("stats.purchased")}
							</th>
						</tr>
					</thead>
					<tbody class="divide-y divide-ink-100">
						<For each={props.runners}>
							{(runner) => (
								<tr>
									<td class="px-3 py-2 font-bold text-ink-900 tabular-nums sm:pl-0">{runner.bib}</td>
									<td class="px-3 py-2 text-ink-800">
										{[runner.firstName, runner.lastName].filter(Boolean).join(" ") || (
											<span class="text-ink-500">{t("stats.notOnStartList")}</span>
										)}
									</td>
									<td class="px-3 py-2 text-right tabular-nums">
										{formatCount(runner.photos, intlLocale())}
									</td>
									<td class="px-3 py-2 text-right sm:pr-0">
										<Show when={runner.purchased} fallback={<span class="text-ink-400">—</span>}>
											<CircleCheck
												class="ml-auto size-4 text-emerald-600"
												aria-label={t("stats.purchasedYes")}
											/>
										</Show>
									</td>
								</tr>
							)}
						</For>
					</tbody>
				</table>
			</div>
		</Show>
	);
}

import { CircleAlert, CircleCheck, CircleDashed, LoaderCircle } from "lucide-solid";
import { type JSX, Match, Show, Switch } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatDayTime } from "../../lib/format-day-time.ts";
import type { StartListSource } from "../../lib/pro/pro-types.ts";

/** How the last sync (or CSV import) went: when, how many runners, or the platform's refusal. */
export function SyncStatus(props: { source: StartListSource | undefined; csv?: boolean }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const status = () => props.source?.lastSyncStatus ?? "never";
	return (
		<div class="flex items-start gap-2 text-sm" data-testid="sync-status" data-status={status()}>
			<Switch>
				<Match when={status() === "never"}>
					<CircleDashed class="mt-0.5 size-4 shrink-0 text-ink-400" aria-hidden="true" />
					<p class="text-ink-600">{t("startList.neverSynced")}</p>
				</Match>
				<Match when={status() === "running"}>
					<LoaderCircle class="mt-0.5 size-4 shrink-0 animate-spin text-brand-600" aria-hidden="true" />
					<p class="text-ink-700">{t("startList.syncRunning")}</p>
				</Match>
				<Match when={status() === "succeeded"}>
					<CircleCheck class="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden="true" />
					<p class="text-ink-700">
						{t(
							props.csv ? "startList.csvImported" : "startList.syncSucceeded",
							props.source?.lastSyncAt ? formatDayTime(props.source.lastSyncAt, intlLocale()) : "—",
							props.source?.lastSyncCount ?? 0,
						)}
					</p>
				</Match>
				<Match when={status() === "failed"}>
					<CircleAlert class="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden="true" />
					<div class="text-red-800">
						<p class="font-semibold">
							{t(
								"startList.syncFailed",
								props.source?.lastSyncAt ? formatDayTime(props.source.lastSyncAt, intlLocale()) : "—",
							)}
						</p>
						{/* The reason in the reader's language; the platform's own words (English) for support.
						    Syncs that failed before reasons were stored have the words only. */}
						<Show when={props.source?.lastSyncReason}>
							{(reason) => (
								<p class="mt-0.5" data-testid="sync-reason">
									{t(`startList.syncReason.${reason()}`)}
								</p>
							)}
						</Show>
						<Show when={props.source?.lastSyncError}>
							{(detail) => (
								<p class="mt-0.5 text-xs text-red-700">
									<Show when={props.source?.lastSyncReason}>{t("startList.syncDetail")} </Show>
									<span lang="en">{detail()}</span>
								</p>
							)}
						</Show>
					</div>
				</Match>
			</Switch>
		</div>
	);
}

import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { EventMetrics } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";

type Part = {
	key: "withBib" | "orphans" | "inProgress" | "rejected" | "failed";
	value: number;
	color: string;
};

/** Where the event's photos stand, as one stacked bar and its legend (counts in words too). */
export function PhotoStatesBar(props: { metrics: EventMetrics }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const parts = (): Part[] => [
		{ key: "withBib", value: props.metrics.withBib, color: "bg-emerald-500" },
		{ key: "orphans", value: props.metrics.orphans, color: "bg-sky-400" },
		{ key: "inProgress", value: props.metrics.inProgress, color: "bg-amber-400" },
		{ key: "rejected", value: props.metrics.rejected, color: "bg-ink-300" },
		{ key: "failed", value: props.metrics.failed, color: "bg-red-500" },
	];
	const total = () => parts().reduce((s, p) => s + p.value, 0);
	return (
		<div data-testid="photo-states">
			<Show
				when={total() > 0}
				fallback={<div class="h-4 w-full rounded-full bg-ink-100" aria-hidden="true" />}
			>
				<div class="flex h-4 w-full overflow-hidden rounded-full bg-ink-100" aria-hidden="true">
					<For each={parts().filter((p) => p.value > 0)}>
						{(part) => (
							<div class={`${part.color} h-full`} style={{ width: `${(part.value / total()) * 100}%` }} />
						)}
					</For>
				</div>
			</Show>
			<ul class="mt-3 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2">
				<For each={parts()}>
					{(part) => (
						<li class="flex items-center gap-2 text-ink-700">
							<span class={`size-2.5 shrink-0 rounded-full ${part.color}`} aria-hidden="true" />
							<span class="min-w-0 flex-1">{t(`stats.states.${part.key}`)}</span>
							<span class="font-semibold text-ink-900 tabular-nums">
								{formatCount(part.value, intlLocale())}
							</span>
						</li>
					)}
				</For>
			</ul>
		</div>
	);
}

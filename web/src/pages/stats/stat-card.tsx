import type { LucideProps } from "lucide-solid";
import { type Component, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";

/** One figure: what it is, its value large, and one line of context under it. */
export function StatCard(props: {
	id: string;
	icon: Component<LucideProps>;
	label: string;
	value: string;
	detail?: string;
}): JSX.Element {
	return (
		<div class="card flex items-start gap-3 p-4 sm:p-5" data-testid={`stat-${props.id}`}>
			<span class="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-600">
				<Dynamic component={props.icon} class="size-4.5" aria-hidden="true" />
			</span>
			<div class="min-w-0">
				<p class="text-xs font-semibold text-ink-500 sm:text-sm">{props.label}</p>
				<p
					class="mt-0.5 font-display text-2xl font-extrabold text-ink-900 tabular-nums"
					data-testid={`stat-${props.id}-value`}
				>
					{props.value}
				</p>
				<Show when={props.detail}>
					<p class="mt-0.5 text-xs text-ink-500">{props.detail}</p>
				</Show>
			</div>
		</div>
	);
}

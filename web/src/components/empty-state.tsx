import type { LucideProps } from "lucide-solid";
import type { Component, JSX } from "solid-js";
import { Show } from "solid-js";
import { Dynamic } from "solid-js/web";

/** A friendly "nothing here yet" panel: icon, one sentence of why, and what to do next. */
export function EmptyState(props: {
	icon: Component<LucideProps>;
	title: string;
	text: string;
	badge?: string;
	children?: JSX.Element;
}): JSX.Element {
	return (
		<div class="card flex flex-col items-center px-6 py-14 text-center sm:px-12">
			<div class="relative mb-5">
				<div class="flex size-16 items-center justify-center rounded-2xl bg-brand-50 text-brand-600 ring-8 ring-brand-50/50">
					<Dynamic component={props.icon} class="size-8" aria-hidden="true" />
				</div>
			</div>
			<Show when={props.badge}>
				<span class="mb-3 inline-flex items-center rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-800">
					{props.badge}
				</span>
			</Show>
			<h2 class="text-xl font-bold text-ink-900">{props.title}</h2>
			<p class="mt-2 max-w-md text-ink-600">{props.text}</p>
			<Show when={props.children}>
				<div class="mt-6 flex flex-wrap justify-center gap-3">{props.children}</div>
			</Show>
		</div>
	);
}

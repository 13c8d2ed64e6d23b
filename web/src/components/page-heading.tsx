import { type JSX, Show } from "solid-js";
import { PageTitle } from "./page-title.tsx";

/**
 * The top of a space page: tab title, h1 and its one-line purpose, with the page's main actions
 * beside it on wide screens and below it on a phone.
 */
export function PageHeading(props: { title: string; text?: string; children?: JSX.Element }): JSX.Element {
	return (
		<div class="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
			<PageTitle>{props.title}</PageTitle>
			<div class="min-w-0">
				<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{props.title}</h1>
				<Show when={props.text}>
					<p class="mt-2 text-ink-600">{props.text}</p>
				</Show>
			</div>
			<Show when={props.children}>
				<div class="flex shrink-0 flex-wrap gap-2">{props.children}</div>
			</Show>
		</div>
	);
}

import { useIsRouting } from "@solidjs/router";
import { type JSX, Show } from "solid-js";

/** A thin bar at the very top while the next page's code or data loads. */
export function RoutingBar(): JSX.Element {
	const isRouting = useIsRouting();
	return (
		<Show when={isRouting()}>
			<div class="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-brand-100" aria-hidden="true">
				<div class="h-full w-1/3 animate-[routing_1s_ease-in-out_infinite] bg-brand-500" />
			</div>
		</Show>
	);
}

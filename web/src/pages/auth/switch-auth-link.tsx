import { A } from "@solidjs/router";
import type { JSX } from "solid-js";

/** "No account yet? Create one" and its mirror, carrying `?next=` across so the detour is not lost. */
export function SwitchAuthLink(props: {
	prompt: string;
	label: string;
	to: "/login" | "/register";
	next: string | undefined;
}): JSX.Element {
	return (
		<p class="text-center text-sm text-ink-600">
			{props.prompt}{" "}
			<A
				href={props.next ? `${props.to}?next=${encodeURIComponent(props.next)}` : props.to}
				class="font-semibold text-brand-700 hover:underline"
			>
				{props.label}
			</A>
		</p>
	);
}

import { A } from "@solidjs/router";
import type { JSX } from "solid-js";

/** A camera aperture crossed by a speed line: photos, at race pace. */
export function LogoMark(props: { class?: string }): JSX.Element {
	return (
		<svg viewBox="0 0 32 32" class={props.class} aria-hidden="true">
			<rect width="32" height="32" rx="8" fill="#0b1220" />
			<circle cx="16" cy="16" r="8.5" fill="none" stroke="#ff5a1f" stroke-width="3" />
			<circle cx="16" cy="16" r="3" fill="#ff5a1f" />
			<path d="M4 26 12 20" stroke="#fff" stroke-width="2.5" stroke-linecap="round" />
		</svg>
	);
}

export function Logo(props: { tone?: "light" | "dark"; href?: string }): JSX.Element {
	return (
		<A
			href={props.href ?? "/"}
			class="flex shrink-0 items-center gap-2.5 rounded-md font-display text-lg font-extrabold tracking-tight"
			classList={{ "text-white": props.tone === "dark", "text-ink-900": props.tone !== "dark" }}
		>
			<LogoMark class="size-8" />
			<span>
				Focus <span class="text-brand-500">Racer</span>
			</span>
		</A>
	);
}

import type { JSX } from "solid-js";

function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	const first = parts[0]?.[0] ?? "?";
	const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
	return `${first}${last}`.toUpperCase();
}

/** Initials only: no photo of the user is stored. */
export function UserAvatar(props: { name: string; class?: string }): JSX.Element {
	return (
		<span
			aria-hidden="true"
			class={`inline-flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-800 ${props.class ?? "size-8 text-xs"}`}
		>
			{initials(props.name)}
		</span>
	);
}

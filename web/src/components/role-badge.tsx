import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import type { Role } from "../lib/trpc.ts";

const tones: Record<Role, string> = {
	runner: "bg-sky-50 text-sky-800 ring-sky-200",
	photographer: "bg-brand-50 text-brand-800 ring-brand-200",
	agency: "bg-violet-50 text-violet-800 ring-violet-200",
	club: "bg-emerald-50 text-emerald-800 ring-emerald-200",
	federation: "bg-amber-50 text-amber-800 ring-amber-200",
	organizer: "bg-teal-50 text-teal-800 ring-teal-200",
	admin: "bg-ink-900 text-white ring-ink-900",
};

export function RoleBadge(props: { role: Role }): JSX.Element {
	const { t } = useI18n();
	return (
		<span
			class={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[props.role]}`}
		>
			{t(`roles.${props.role}`)}
		</span>
	);
}

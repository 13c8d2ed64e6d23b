import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import type { ManagedEvent } from "../lib/trpc.ts";

const tones: Record<ManagedEvent["visibility"], string> = {
	draft: "bg-amber-50 text-amber-800 ring-amber-200",
	public: "bg-emerald-50 text-emerald-800 ring-emerald-200",
	archived: "bg-ink-100 text-ink-700 ring-ink-200",
};

/** Draft / published / archived, in the same colours everywhere an event is listed. */
export function VisibilityBadge(props: { visibility: ManagedEvent["visibility"] }): JSX.Element {
	const { t } = useI18n();
	return (
		<span
			class={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[props.visibility]}`}
		>
			{t(`proEvents.visibility.${props.visibility}`)}
		</span>
	);
}

import { Ban, CircleAlert, CircleCheck, Clock, LoaderCircle } from "lucide-solid";
import type { JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";
import type { PhotoStatus } from "../../lib/trpc.ts";

const looks: Record<PhotoStatus, { class: string; icon: typeof Clock; spin?: boolean }> = {
	uploaded: { class: "bg-ink-100 text-ink-700 ring-ink-200", icon: Clock },
	processing: { class: "bg-sky-50 text-sky-800 ring-sky-200", icon: LoaderCircle, spin: true },
	ready: { class: "bg-emerald-50 text-emerald-800 ring-emerald-200", icon: CircleCheck },
	rejected: { class: "bg-amber-50 text-amber-900 ring-amber-200", icon: Ban },
	failed: { class: "bg-red-50 text-red-800 ring-red-200", icon: CircleAlert },
};

/** A photo's state as a small pill: colour, icon and word (never colour alone). */
export function PhotoStatusBadge(props: { status: PhotoStatus; class?: string }): JSX.Element {
	const { t } = useI18n();
	return (
		<span
			class={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${looks[props.status].class} ${props.class ?? ""}`}
		>
			<Dynamic
				component={looks[props.status].icon}
				class={`size-3.5 shrink-0 ${looks[props.status].spin ? "animate-spin" : ""}`}
				aria-hidden="true"
			/>
			{t(`photos.status.${props.status}`)}
		</span>
	);
}

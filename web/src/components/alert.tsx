import { CircleAlert, CircleCheck, Info } from "lucide-solid";
import type { JSX } from "solid-js";
import { Dynamic } from "solid-js/web";

const looks = {
	error: { icon: CircleAlert, class: "border-red-200 bg-red-50 text-red-800" },
	success: { icon: CircleCheck, class: "border-emerald-200 bg-emerald-50 text-emerald-800" },
	info: { icon: Info, class: "border-sky-200 bg-sky-50 text-sky-900" },
} as const;

/** Errors are announced at once (role=alert); the rest politely (role=status). */
export function Alert(props: { tone: keyof typeof looks; children: JSX.Element }): JSX.Element {
	return (
		<div
			role={props.tone === "error" ? "alert" : "status"}
			class={`flex items-start gap-2.5 rounded-lg border px-3.5 py-3 text-sm ${looks[props.tone].class}`}
		>
			<Dynamic component={looks[props.tone].icon} class="mt-0.5 size-4 shrink-0" aria-hidden="true" />
			<div>{props.children}</div>
		</div>
	);
}

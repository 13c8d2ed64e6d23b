import type { JSX } from "solid-js";

/** A share (0–1) as a bar; the label says it in words for screen readers and beside the bar. */
export function ProgressBar(props: { value: number | null; label: string; class?: string }): JSX.Element {
	const percent = () => Math.round(Math.min(1, Math.max(0, props.value ?? 0)) * 100);
	return (
		<div
			role="progressbar"
			aria-label={props.label}
			aria-valuemin={0}
			aria-valuemax={100}
			aria-valuenow={props.value === null ? undefined : percent()}
			class={`h-2.5 w-full overflow-hidden rounded-full bg-ink-100 ${props.class ?? ""}`}
		>
			<div
				class="h-full rounded-full transition-[width]"
				classList={{
					"bg-emerald-500": percent() >= 80,
					"bg-amber-500": percent() >= 40 && percent() < 80,
					"bg-brand-500": percent() < 40,
				}}
				style={{ width: `${percent()}%` }}
			/>
		</div>
	);
}

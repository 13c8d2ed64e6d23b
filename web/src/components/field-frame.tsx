import { createUniqueId, type JSX, Show } from "solid-js";

/** What every labelled control of a form shares: the label, the hint and the error beneath. */
export interface FieldFrameProps {
	id: string;
	label: string;
	hint?: JSX.Element;
	error?: string | undefined;
	class?: string | undefined;
	children: JSX.Element;
}

/** The control's id: the caller's, else a unique one (`prefix-…`), stable for the component's life. */
export function fieldId(given: () => string | undefined, prefix: string): () => string {
	const fallback = createUniqueId();
	return () => given() ?? `${prefix}-${fallback}`;
}

/** The ids of the hint and the error the control must point at with aria-describedby. */
export function fieldDescribedBy(id: string, hint: unknown, error: unknown): string | undefined {
	return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/**
 * The frame of a labelled control: the label is always visible and tied by `for`, the hint and
 * the error are tied by the ids of fieldDescribedBy.
 */
export function FieldFrame(props: FieldFrameProps): JSX.Element {
	return (
		<div class={props.class}>
			<label for={props.id} class="mb-1.5 block text-sm font-semibold text-ink-800">
				{props.label}
			</label>
			{props.children}
			<Show when={props.hint}>
				<div id={`${props.id}-hint`} class="mt-1.5 text-xs text-ink-500">
					{props.hint}
				</div>
			</Show>
			<Show when={props.error}>
				<p id={`${props.id}-error`} class="mt-1.5 text-xs font-medium text-red-700">
					{props.error}
				</p>
			</Show>
		</div>
	);
}

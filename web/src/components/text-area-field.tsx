import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

export interface TextAreaFieldProps extends JSX.TextareaHTMLAttributes<HTMLTextAreaElement> {
	label: string;
	name: string;
	hint?: JSX.Element;
	error?: string | undefined;
}

/** A labelled multi-line input, like TextField. */
export function TextAreaField(props: TextAreaFieldProps): JSX.Element {
	const [local, area] = splitProps(props, ["label", "hint", "error", "id", "class"]);
	const fallbackId = createUniqueId();
	const id = () => local.id ?? `area-${fallbackId}`;
	const describedBy = () =>
		[local.hint ? `${id()}-hint` : "", local.error ? `${id()}-error` : ""].filter(Boolean).join(" ") ||
		undefined;
	return (
		<div class={local.class}>
			<label for={id()} class="mb-1.5 block text-sm font-semibold text-ink-800">
				{local.label}
			</label>
			<textarea
				rows={4}
				{...area}
				id={id()}
				class="field-input"
				aria-invalid={local.error ? true : undefined}
				aria-describedby={describedBy()}
			/>
			<Show when={local.hint}>
				<div id={`${id()}-hint`} class="mt-1.5 text-xs text-ink-500">
					{local.hint}
				</div>
			</Show>
			<Show when={local.error}>
				<p id={`${id()}-error`} class="mt-1.5 text-xs font-medium text-red-700">
					{local.error}
				</p>
			</Show>
		</div>
	);
}

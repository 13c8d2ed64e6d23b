import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

export interface TextFieldProps extends JSX.InputHTMLAttributes<HTMLInputElement> {
	label: string;
	name: string;
	hint?: JSX.Element;
	error?: string | undefined;
	/** Extra control drawn inside the input's right edge (e.g. show password). */
	trailing?: JSX.Element;
}

/** A labelled input: the label is always visible and tied by `for`, hints and errors by aria. */
export function TextField(props: TextFieldProps): JSX.Element {
	const [local, input] = splitProps(props, ["label", "hint", "error", "trailing", "id", "class"]);
	const fallbackId = createUniqueId();
	const id = () => local.id ?? `field-${fallbackId}`;
	const describedBy = () =>
		[local.hint ? `${id()}-hint` : "", local.error ? `${id()}-error` : ""].filter(Boolean).join(" ") ||
		undefined;
	return (
		<div class={local.class}>
			<label for={id()} class="mb-1.5 block text-sm font-semibold text-ink-800">
				{local.label}
			</label>
			<div class="relative">
				<input
					{...input}
					id={id()}
					class="field-input"
					// Inline so it always wins over the utility's padding, whatever the CSS order.
					style={local.trailing ? { "padding-right": "5.5rem" } : undefined}
					aria-invalid={local.error ? true : undefined}
					aria-describedby={describedBy()}
				/>
				<Show when={local.trailing}>
					<div class="absolute inset-y-0 right-1.5 flex items-center">{local.trailing}</div>
				</Show>
			</div>
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

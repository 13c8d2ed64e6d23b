import { type JSX, Show, splitProps } from "solid-js";
import { FieldFrame, fieldDescribedBy, fieldId } from "./field-frame.tsx";

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
	const id = fieldId(() => local.id, "field");
	return (
		<FieldFrame id={id()} label={local.label} hint={local.hint} error={local.error} class={local.class}>
			<div class="relative">
				<input
					{...input}
					id={id()}
					class="field-input"
					// Inline so it always wins over the utility's padding, whatever the CSS order.
					style={local.trailing ? { "padding-right": "5.5rem" } : undefined}
					aria-invalid={local.error ? true : undefined}
					aria-describedby={fieldDescribedBy(id(), local.hint, local.error)}
				/>
				<Show when={local.trailing}>
					<div class="absolute inset-y-0 right-1.5 flex items-center">{local.trailing}</div>
				</Show>
			</div>
		</FieldFrame>
	);
}

import { type JSX, splitProps } from "solid-js";
import { FieldFrame, fieldDescribedBy, fieldId } from "./field-frame.tsx";

export interface TextAreaFieldProps extends JSX.TextareaHTMLAttributes<HTMLTextAreaElement> {
	label: string;
	name: string;
	hint?: JSX.Element;
	error?: string | undefined;
}

/** A labelled multi-line input, like TextField. */
export function TextAreaField(props: TextAreaFieldProps): JSX.Element {
	const [local, area] = splitProps(props, ["label", "hint", "error", "id", "class"]);
	const id = fieldId(() => local.id, "area");
	return (
		<FieldFrame id={id()} label={local.label} hint={local.hint} error={local.error} class={local.class}>
			<textarea
				rows={4}
				{...area}
				id={id()}
				class="field-input"
				aria-invalid={local.error ? true : undefined}
				aria-describedby={fieldDescribedBy(id(), local.hint, local.error)}
			/>
		</FieldFrame>
	);
}

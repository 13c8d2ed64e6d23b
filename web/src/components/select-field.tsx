import { type JSX, splitProps } from "solid-js";
import { FieldFrame, fieldDescribedBy, fieldId } from "./field-frame.tsx";

export interface SelectFieldProps extends JSX.SelectHTMLAttributes<HTMLSelectElement> {
	label: string;
	hint?: JSX.Element;
	error?: string | undefined;
	children: JSX.Element;
}

/** A labelled select, like TextField: label tied by `for`, hint and error by aria. */
export function SelectField(props: SelectFieldProps): JSX.Element {
	const [local, select] = splitProps(props, ["label", "hint", "error", "id", "class", "children"]);
	const id = fieldId(() => local.id, "select");
	return (
		<FieldFrame id={id()} label={local.label} hint={local.hint} error={local.error} class={local.class}>
			<select
				{...select}
				id={id()}
				class="field-input"
				aria-invalid={local.error ? true : undefined}
				aria-describedby={fieldDescribedBy(id(), local.hint, local.error)}
			>
				{local.children}
			</select>
		</FieldFrame>
	);
}

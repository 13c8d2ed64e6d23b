import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

export interface SelectFieldProps extends JSX.SelectHTMLAttributes<HTMLSelectElement> {
	label: string;
	hint?: JSX.Element;
	error?: string | undefined;
	children: JSX.Element;
}

/** A labelled select, like TextField: label tied by `for`, hint and error by aria. */
export function SelectField(props: SelectFieldProps): JSX.Element {
	const [local, select] = splitProps(props, ["label", "hint", "error", "id", "class", "children"]);
	const fallbackId = createUniqueId();
	const id = () => local.id ?? `select-${fallbackId}`;
	const describedBy = () =>
		[local.hint ? `${id()}-hint` : "", local.error ? `${id()}-error` : ""].filter(Boolean).join(" ") ||
		undefined;
	return (
		<div class={local.class}>
			<label for={id()} class="mb-1.5 block text-sm font-semibold text-ink-800">
				{local.label}
			</label>
			<select
				{...select}
				id={id()}
				class="field-input"
				aria-invalid={local.error ? true : undefined}
				aria-describedby={describedBy()}
			>
				{local.children}
			</select>
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

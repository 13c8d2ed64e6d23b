import { type JSX, Show } from "solid-js";
import { Spinner } from "./spinner.tsx";

/** A form's main button: disabled with a spinner and its pending label while the request runs. */
export function SubmitButton(props: {
	pending: boolean;
	label: string;
	pendingLabel: string;
	class?: string;
	/** Also disabled when there is nothing to submit (beyond `pending`). */
	disabled?: boolean;
}): JSX.Element {
	return (
		<button
			type="submit"
			class={props.class ?? "btn-primary btn-lg w-full"}
			disabled={props.pending || props.disabled}
		>
			<Show when={props.pending}>
				<Spinner class="size-4" />
			</Show>
			{props.pending ? props.pendingLabel : props.label}
		</button>
	);
}

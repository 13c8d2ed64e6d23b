import { createUniqueId, type JSX, Show } from "solid-js";
import { Spinner } from "./spinner.tsx";

/**
 * An inline "are you sure?" for an action that cannot be undone: the question, the red button
 * (focused, so Enter confirms and Tab reaches Cancel) and a way back.
 */
export function ConfirmPanel(props: {
	question: string;
	confirmLabel: string;
	pendingLabel: string;
	cancelLabel: string;
	pending: boolean;
	onConfirm: () => void;
	onCancel: () => void;
	children?: JSX.Element;
}): JSX.Element {
	const id = `confirm-${createUniqueId()}`;
	return (
		<div class="rounded-xl border border-red-200 bg-red-50 p-4" role="alertdialog" aria-labelledby={id}>
			<p id={id} class="text-sm font-medium text-red-900">
				{props.question}
			</p>
			{props.children}
			<div class="mt-3 flex flex-wrap gap-2">
				<button
					type="button"
					class="btn bg-red-700 text-white hover:bg-red-800"
					disabled={props.pending}
					onClick={() => props.onConfirm()}
					ref={(el) => queueMicrotask(() => el.focus())}
				>
					<Show when={props.pending}>
						<Spinner class="size-4" />
					</Show>
					{props.pending ? props.pendingLabel : props.confirmLabel}
				</button>
				<button type="button" class="btn-secondary" disabled={props.pending} onClick={() => props.onCancel()}>
					{props.cancelLabel}
				</button>
			</div>
		</div>
	);
}

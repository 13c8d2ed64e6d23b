import { createUniqueId, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

const hexPattern = /^#[0-9a-fA-F]{6}$/;

/**
 * A branding colour: the system picker and the hex code side by side (organizers often get the
 * code from their designer). Null is "no colour": the product's own is used.
 */
export function ColorField(props: {
	label: string;
	hint: string;
	value: string | null;
	fallback: string;
	onChange: (value: string | null) => void;
}): JSX.Element {
	const { t } = useI18n();
	const id = `color-${createUniqueId()}`;
	return (
		<div>
			<label for={`${id}-hex`} class="mb-1.5 block text-sm font-semibold text-ink-800">
				{props.label}
			</label>
			<div class="flex items-center gap-2">
				<input
					type="color"
					class="h-10 w-12 shrink-0 cursor-pointer rounded-lg border border-ink-200 bg-white p-1"
					value={props.value ?? props.fallback}
					aria-label={props.label}
					onInput={(e) => props.onChange(e.currentTarget.value.toUpperCase())}
				/>
				<input
					id={`${id}-hex`}
					class="field-input font-mono uppercase"
					value={props.value ?? ""}
					placeholder={props.fallback.toUpperCase()}
					maxLength={7}
					autocomplete="off"
					spellcheck={false}
					aria-describedby={`${id}-hint`}
					onChange={(e) => {
						const typed = e.currentTarget.value.trim();
						const hex = typed.startsWith("#") ? typed : `#${typed}`;
						if (typed === "") props.onChange(null);
						else if (hexPattern.test(hex)) props.onChange(hex.toUpperCase());
						else e.currentTarget.value = props.value ?? "";
					}}
				/>
				<Show when={props.value}>
					<button type="button" class="btn-ghost shrink-0 px-2.5" onClick={() => props.onChange(null)}>
						{t("eventSettings.colorReset")}
					</button>
				</Show>
			</div>
			<p id={`${id}-hint`} class="mt-1.5 text-xs text-ink-500">
				{props.hint}
			</p>
		</div>
	);
}

import { createUniqueId, For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { UploadOptions } from "../../lib/trpc.ts";

/** PRODUCT.md §3 defaults: duplicates and blur filtered, no retouch, no crops. */
export const defaultUploadOptions: UploadOptions = {
	removeDuplicates: true,
	filterBlurry: true,
	autoRetouch: false,
	smartCrop: false,
};

const pipelineOptions = ["removeDuplicates", "filterBlurry", "autoRetouch", "smartCrop"] as const;

export interface UploadChoices {
	options: UploadOptions;
	fullResolution: boolean;
}

/** The import's options as labelled switches (checkboxes underneath), each with one line of why. */
export function UploadOptionsFieldset(props: {
	value: UploadChoices;
	onChange: (value: UploadChoices) => void;
	disabled?: boolean;
}): JSX.Element {
	const { t } = useI18n();
	return (
		<fieldset class="min-w-0 space-y-1" disabled={props.disabled}>
			<legend class="text-sm font-bold text-ink-900">{t("upload.optionsTitle")}</legend>
			<p class="pb-2 text-xs text-ink-500">{t("upload.optionsHint")}</p>
			<For each={pipelineOptions}>
				{(key) => (
					<Switch
						name={key}
						label={t(`upload.options.${key}`)}
						hint={t(`upload.options.${key}Hint`)}
						checked={props.value.options[key]}
						onChange={(checked) =>
							props.onChange({ ...props.value, options: { ...props.value.options, [key]: checked } })
						}
					/>
				)}
			</For>
			<div class="mt-2 border-t border-ink-100 pt-2">
				<Switch
					name="fullResolution"
					label={t("upload.options.fullResolution")}
					hint={t("upload.options.fullResolutionHint")}
					checked={props.value.fullResolution}
					onChange={(checked) => props.onChange({ ...props.value, fullResolution: checked })}
				/>
			</div>
		</fieldset>
	);
}

function Switch(props: {
	name: string;
	label: string;
	hint: string;
	checked: boolean;
	onChange: (checked: boolean) => void;
}): JSX.Element {
	const id = `${props.name}-${createUniqueId()}`;
	return (
		<div class="flex items-start gap-3 rounded-lg px-1 py-2">
			<span class="relative mt-0.5 inline-flex shrink-0">
				<input
					id={id}
					name={props.name}
					type="checkbox"
					role="switch"
					checked={props.checked}
					aria-checked={props.checked}
					aria-describedby={`${id}-hint`}
					onChange={(e) => props.onChange(e.currentTarget.checked)}
					class="peer h-6 w-10 cursor-pointer appearance-none rounded-full bg-ink-200 transition-colors checked:bg-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60"
				/>
				<span
					aria-hidden="true"
					class="pointer-events-none absolute top-1 left-1 size-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4"
				/>
			</span>
			<span class="min-w-0">
				<label for={id} class="block cursor-pointer text-sm font-semibold text-ink-900">
					{props.label}
				</label>
				<span id={`${id}-hint`} class="block text-xs text-ink-500">
					{props.hint}
				</span>
			</span>
		</div>
	);
}

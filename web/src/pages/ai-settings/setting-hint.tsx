import { type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/**
 * Under each setting: what it does, its default, and (once the admin has changed it) a badge
 * and the button that puts the default back.
 */
export function SettingHint(props: {
	field: string;
	label: string;
	defaultText: string;
	help?: string | undefined;
	overridden: boolean;
	onReset: () => void;
}): JSX.Element {
	const { t } = useI18n();
	return (
		<span class="flex flex-wrap items-center gap-x-2 gap-y-1">
			<Show when={props.help}>
				<span>{props.help}</span>
			</Show>
			<span data-testid={`ai-${props.field}-default`}>{t("aiSettings.defaultValue", props.defaultText)}</span>
			<Show when={props.overridden}>
				<span class="rounded bg-brand-50 px-1.5 py-0.5 font-semibold text-brand-700">
					{t("aiSettings.overridden")}
				</span>
				<button
					type="button"
					class="font-semibold text-brand-700 underline-offset-2 hover:underline"
					aria-label={t("aiSettings.resetFieldLabel", props.label)}
					data-testid={`ai-${props.field}-reset`}
					onClick={() => props.onReset()}
				>
					{t("aiSettings.resetField")}
				</button>
			</Show>
		</span>
	);
}

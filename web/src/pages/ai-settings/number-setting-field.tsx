import type { JSX } from "solid-js";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatSettingNumber, type NumberSetting, numberSpecs } from "./ai-settings-draft.ts";
import { SettingHint } from "./setting-hint.tsx";

/**
 * One number setting. Left alone it shows its default (and follows it when the provider
 * changes); typing makes it the admin's own value until "default value" is pressed.
 */
export function NumberSettingField(props: {
	field: NumberSetting;
	label: string;
	help?: string;
	/** The text typed; undefined: the field follows its default. */
	value: string | undefined;
	defaultValue: number;
	error: string | undefined;
	onChange: (value: string | undefined) => void;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const spec = () => numberSpecs[props.field];
	const defaultText = () => {
		const number = formatSettingNumber(props.defaultValue, intlLocale());
		switch (spec().unit) {
			case "percent":
				return t("aiSettings.units.percent", number);
			case "digits":
				return t("aiSettings.units.digits", props.defaultValue);
			default:
				return t("aiSettings.units.cosine", number);
		}
	};
	return (
		<TextField
			label={props.label}
			name={props.field}
			inputmode={spec().integer ? "numeric" : "decimal"}
			autocomplete="off"
			value={props.value ?? formatSettingNumber(props.defaultValue, intlLocale())}
			onInput={(event) => props.onChange(event.currentTarget.value)}
			error={props.error}
			data-testid={`ai-${props.field}`}
			hint={
				<SettingHint
					field={props.field}
					label={props.label}
					defaultText={defaultText()}
					help={props.help}
					overridden={props.value !== undefined}
					onReset={() => props.onChange(undefined)}
				/>
			}
		/>
	);
}

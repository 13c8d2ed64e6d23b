import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { TextField } from "./text-field.tsx";

/** A person's email, as sign-in, sign-up and guest checkout ask for it. */
export function EmailField(props: { label: string; hint?: string }): JSX.Element {
	const { t } = useI18n();
	return (
		<TextField
			label={props.label}
			name="email"
			type="email"
			autocomplete="email"
			inputmode="email"
			required
			placeholder={t("auth.emailPlaceholder")}
			hint={props.hint}
		/>
	);
}

/** A person's full name (120 characters at most, as the server accepts). */
export function NameField(props: { label: string }): JSX.Element {
	const { t } = useI18n();
	return (
		<TextField
			label={props.label}
			name="name"
			autocomplete="name"
			required
			maxLength={120}
			placeholder={t("auth.namePlaceholder")}
		/>
	);
}

import type { JSX } from "solid-js";
import { For } from "solid-js";
import { locales, useI18n } from "../i18n/index.tsx";

/** Two short buttons rather than a menu: one tap, and the current language is always visible. */
export function LanguageSwitcher(props: { tone?: "light" | "dark" }): JSX.Element {
	const { locale, setLocale, t } = useI18n();
	return (
		<fieldset
			class="inline-flex shrink-0 items-center rounded-lg border p-0.5 text-xs font-bold"
			classList={{
				"border-ink-200 bg-white": props.tone !== "dark",
				"border-white/15 bg-white/5": props.tone === "dark",
			}}
		>
			<legend class="sr-only">{t("language.label")}</legend>
			<For each={locales}>
				{(code) => (
					<button
						type="button"
						lang={code}
						aria-pressed={locale() === code}
						title={t(`language.${code}`)}
						onClick={() => setLocale(code)}
						class="rounded-md px-2 py-1 uppercase transition-colors"
						classList={{
							"bg-ink-900 text-white": locale() === code && props.tone !== "dark",
							"bg-white text-ink-900": locale() === code && props.tone === "dark",
							"text-ink-500 hover:text-ink-900": locale() !== code && props.tone !== "dark",
							"text-white/70 hover:text-white": locale() !== code && props.tone === "dark",
						}}
					>
						<span aria-hidden="true">{code}</span>
						<span class="sr-only">{t(`language.${code}`)}</span>
					</button>
				)}
			</For>
		</fieldset>
	);
}

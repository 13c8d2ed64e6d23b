import * as i18n from "@solid-primitives/i18n";
import { type Accessor, createContext, createEffect, createSignal, type JSX, useContext } from "solid-js";
import { type Dictionary, isLocale, type Locale, type Translate } from "./dictionary.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

export { type Dictionary, isLocale, type Locale, locales, type Translate } from "./dictionary.ts";

/** Key shared with the rest of the product's browser storage (prefix "fr." = Focus Racer). */
const storageKey = "fr.locale";

// Both dictionaries are small; bundling them avoids a flash of untranslated text on switch.
const dictionaries: Record<Locale, Dictionary> = { fr: i18n.flatten(fr), en: i18n.flatten(en) };

function readStoredLocale(): Locale | undefined {
	try {
		const stored = localStorage.getItem(storageKey);
		return isLocale(stored) ? stored : undefined;
	} catch {
		// Storage can be disabled (private mode, strict cookie settings): fall back to the browser.
		return undefined;
	}
}

export function detectLocale(): Locale {
	const stored = readStoredLocale();
	if (stored) return stored;
	return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

interface I18nContextValue {
	locale: Accessor<Locale>;
	setLocale: (locale: Locale) => void;
	t: Translate;
	/** BCP 47 tag for Intl formatters (dates, prices, numbers). */
	intlLocale: Accessor<string>;
}

const I18nContext = createContext<I18nContextValue>();

export function I18nProvider(props: { children: JSX.Element }): JSX.Element {
	const [locale, setLocaleSignal] = createSignal<Locale>(detectLocale());
	const t = i18n.translator(() => dictionaries[locale()]);

	createEffect(() => {
		document.documentElement.lang = locale();
	});

	const setLocale = (next: Locale) => {
		setLocaleSignal(next);
		try {
			localStorage.setItem(storageKey, next);
		} catch {
			// Not persisted when storage is unavailable; the switch still applies to this visit.
		}
	};

	const value: I18nContextValue = {
		locale,
		setLocale,
		t,
		intlLocale: () => (locale() === "fr" ? "fr-FR" : "en-GB"),
	};
	return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
	const context = useContext(I18nContext);
	if (!context) throw new Error("useI18n must be used inside <I18nProvider>");
	return context;
}

import type * as i18n from "@solid-primitives/i18n";
import type { fr } from "./fr.ts";

export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];

/** The French dictionary's shape is the contract for every language. */
export type RawDictionary = typeof fr;
export type Dictionary = i18n.Flatten<RawDictionary>;
export type Translate = i18n.Translator<Dictionary>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === "string" && (locales as readonly string[]).includes(value);
}

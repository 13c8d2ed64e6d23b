import { aiSettingNumbers } from "@focus-racer/core/ai-setting-numbers";
import type { AiProvider, AiSettings, AiSettingsOverrides, AiSettingsView } from "../../lib/trpc.ts";

/** The settings the admin types as numbers, with the bounds the server checks: one list in core. */
export const numberSpecs = aiSettingNumbers;
export type NumberSetting = keyof typeof numberSpecs;
export type NumberUnit = (typeof numberSpecs)[NumberSetting]["unit"];

/**
 * The form's state: `undefined` is "follows its default" (no override saved), anything else is
 * the admin's own value; numbers stay the text typed until the form is read.
 */
export interface AiSettingsDraft {
	provider: AiProvider | undefined;
	faceIndexing: boolean | undefined;
	numbers: Record<NumberSetting, string | undefined>;
}

export type DraftError =
	| { field: NumberSetting; kind: "number"; min: number; max: number; integer: boolean }
	| { field: "bibMinLength"; kind: "lengths" }
	| { field: "provider"; kind: "rekognitionUnavailable" };

const numberKeys = Object.keys(numberSpecs) as NumberSetting[];

/** A number as the admin may type it: a comma or a dot as the decimal mark. */
export function parseSettingNumber(text: string): number | undefined {
	const cleaned = text.trim().replace(",", ".");
	if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
	return Number(cleaned);
}

export function formatSettingNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value);
}

export function draftOf(stored: AiSettingsOverrides, locale: string): AiSettingsDraft {
	const numbers = {} as Record<NumberSetting, string | undefined>;
	for (const key of numberKeys) {
		const value = stored[key];
		numbers[key] = value === undefined ? undefined : formatSettingNumber(value, locale);
	}
	return { provider: stored.provider, faceIndexing: stored.faceIndexing, numbers };
}

export const emptyDraft: AiSettingsDraft = draftOf({}, "en");

/** The provider the draft would run, and so the defaults its empty fields stand for. */
export function draftProvider(draft: AiSettingsDraft, view: AiSettingsView): AiProvider {
	return draft.provider ?? view.envProvider;
}

export function draftDefaults(draft: AiSettingsDraft, view: AiSettingsView): AiSettings {
	return view.providerDefaults[draftProvider(draft, view)];
}

/** The overrides to send, or what is wrong with the draft (the server checks the same). */
export function readDraft(
	draft: AiSettingsDraft,
	view: AiSettingsView,
): { ok: true; overrides: AiSettingsOverrides } | { ok: false; errors: DraftError[] } {
	const errors: DraftError[] = [];
	const overrides: AiSettingsOverrides = {};
	if (draft.provider !== undefined) overrides.provider = draft.provider;
	if (draft.faceIndexing !== undefined) overrides.faceIndexing = draft.faceIndexing;
	for (const key of numberKeys) {
		const text = draft.numbers[key];
		if (text === undefined) continue;
		const spec = numberSpecs[key];
		const value = parseSettingNumber(text);
		if (
			value === undefined ||
			value < spec.min ||
			value > spec.max ||
			(spec.integer && !Number.isInteger(value))
		) {
			errors.push({ field: key, kind: "number", min: spec.min, max: spec.max, integer: spec.integer });
		} else {
			overrides[key] = value;
		}
	}
	const defaults = draftDefaults(draft, view);
	const minLength = overrides.bibMinLength ?? defaults.bibMinLength;
	const maxLength = overrides.bibMaxLength ?? defaults.bibMaxLength;
	if (
		!errors.some((e) => e.field === "bibMinLength" || e.field === "bibMaxLength") &&
		minLength > maxLength
	) {
		errors.push({ field: "bibMinLength", kind: "lengths" });
	}
	if (overrides.provider === "rekognition" && !view.rekognitionConfigured) {
		errors.push({ field: "provider", kind: "rekognitionUnavailable" });
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, overrides };
}

/** Whether the draft says something else than what is saved (typing 80 over a saved 80 is no change). */
export function draftChanged(draft: AiSettingsDraft, view: AiSettingsView): boolean {
	const read = readDraft(draft, view);
	if (!read.ok) return true;
	const keys = new Set([...Object.keys(read.overrides), ...Object.keys(view.stored)]) as Set<
		keyof AiSettingsOverrides
	>;
	return [...keys].some((key) => read.overrides[key] !== view.stored[key]);
}

/**
 * The AI settings an admin types as numbers, with their bounds and what the number means. The
 * server's schema (ai-settings.ts) is built from these and the admin form checks the same ones
 * before it sends (web/src/pages/ai-settings), so the two cannot drift apart. Import-free: the
 * web bundles this file (`@focus-racer/core/ai-setting-numbers`).
 */
export interface AiSettingNumberSpec {
	min: number;
	max: number;
	integer: boolean;
	/** How the form shows it: a percentage, a count of digits, a cosine of face embeddings. */
	unit: "percent" | "digits" | "cosine";
}

export const aiSettingNumbers = {
	bibMinConfidence: { min: 0, max: 100, integer: false, unit: "percent" },
	/** PRODUCT.md §3: bibs are 1 to 6 digits; an event may allow up to 10. */
	bibMinLength: { min: 1, max: 10, integer: true, unit: "digits" },
	bibMaxLength: { min: 1, max: 10, integer: true, unit: "digits" },
	faceMatchSimilarity: { min: 0, max: 100, integer: false, unit: "percent" },
	localFaceMatchCosine: { min: 0, max: 1, integer: false, unit: "cosine" },
	selfieMinSimilarity: { min: 0, max: 100, integer: false, unit: "percent" },
	localSelfieMinCosine: { min: 0, max: 1, integer: false, unit: "cosine" },
} as const satisfies Record<string, AiSettingNumberSpec>;

export type AiSettingNumber = keyof typeof aiSettingNumbers;

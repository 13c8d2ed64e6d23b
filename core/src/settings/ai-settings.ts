import { type Db, platformSettings } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import * as v from "valibot";
import { type AiProvider, aiProviders } from "../ai/ai-engine.ts";
import { type AiSettingNumberSpec, aiSettingNumbers } from "./ai-setting-numbers.ts";
import { cachedValue } from "./cached-value.ts";

/** The platform_settings key of the admin's AI settings. */
export const aiSettingsKey = "ai";

/** A number within its bounds (ai-setting-numbers.ts, which the admin form checks too). */
function bounded(spec: AiSettingNumberSpec) {
	return spec.integer
		? v.pipe(v.number(), v.integer(), v.minValue(spec.min), v.maxValue(spec.max))
		: v.pipe(v.number(), v.minValue(spec.min), v.maxValue(spec.max));
}

/** What the admin may set; every field optional, a missing one takes the default below. */
export const aiSettingsSchema = v.object({
	provider: v.optional(v.picklist(aiProviders)),
	/** Text reads below this (percent) are not bibs; default per provider, see below. */
	bibMinConfidence: v.optional(bounded(aiSettingNumbers.bibMinConfidence)),
	/** PRODUCT.md §3: bibs are 1 to 6 digits. */
	bibMinLength: v.optional(bounded(aiSettingNumbers.bibMinLength)),
	bibMaxLength: v.optional(bounded(aiSettingNumbers.bibMaxLength)),
	/** Off: faces are neither detected nor stored (no selfie search, no face linking). */
	faceIndexing: v.optional(v.boolean()),
	/** Rekognition similarity (0–100) for a face to count as the same runner; PRODUCT.md: 85. */
	faceMatchSimilarity: v.optional(bounded(aiSettingNumbers.faceMatchSimilarity)),
	/**
	 * The same for the local engine, as a cosine of its embeddings (a different scale from
	 * Rekognition's percent: 0.72 gave no false pair on any set we measured).
	 */
	localFaceMatchCosine: v.optional(bounded(aiSettingNumbers.localFaceMatchCosine)),
	/**
	 * Selfie search shows photos above these (Rekognition percent, local cosine). Lower than the
	 * linking thresholds on purpose: a runner glancing past a look-alike costs nothing, while a
	 * wrong link files a photo under someone else.
	 */
	selfieMinSimilarity: v.optional(bounded(aiSettingNumbers.selfieMinSimilarity)),
	localSelfieMinCosine: v.optional(bounded(aiSettingNumbers.localSelfieMinCosine)),
});

export type AiSettingsInput = v.InferInput<typeof aiSettingsSchema>;

export interface AiSettings {
	provider: AiProvider;
	bibMinConfidence: number;
	bibMinLength: number;
	bibMaxLength: number;
	faceIndexing: boolean;
	faceMatchSimilarity: number;
	localFaceMatchCosine: number;
	selfieMinSimilarity: number;
	localSelfieMinCosine: number;
}

/**
 * PRODUCT.md's 70 % is Rekognition's scale. Our recogniser is sure of the digits it reads right
 * (≥ 0.99) and its wrong partial reads sit at 70–90 %: on the dev set 90 kept every bib that 70
 * found but one, and dropped the misreads (measured by core/src/ai/bibs/measure-bibs.ts).
 */
const defaultBibMinConfidence: Record<AiProvider, number> = { local: 90, rekognition: 70 };

export function defaultAiSettings(provider: AiProvider): AiSettings {
	return {
		provider,
		bibMinConfidence: defaultBibMinConfidence[provider],
		bibMinLength: 1,
		bibMaxLength: 6,
		faceIndexing: true,
		faceMatchSimilarity: 85,
		localFaceMatchCosine: 0.72,
		selfieMinSimilarity: 80,
		localSelfieMinCosine: 0.55,
	};
}

/** The stored value over the defaults of `defaultProvider`'s provider, or of the one it chose. */
function overDefaults(out: AiSettingsInput, defaultProvider: AiProvider): AiSettings {
	// Defaults of the provider in force: the admin may have switched it without setting the rest.
	const defaults = defaultAiSettings(out.provider ?? defaultProvider);
	return {
		provider: out.provider ?? defaults.provider,
		bibMinConfidence: out.bibMinConfidence ?? defaults.bibMinConfidence,
		bibMinLength: out.bibMinLength ?? defaults.bibMinLength,
		bibMaxLength: out.bibMaxLength ?? defaults.bibMaxLength,
		faceIndexing: out.faceIndexing ?? defaults.faceIndexing,
		faceMatchSimilarity: out.faceMatchSimilarity ?? defaults.faceMatchSimilarity,
		localFaceMatchCosine: out.localFaceMatchCosine ?? defaults.localFaceMatchCosine,
		selfieMinSimilarity: out.selfieMinSimilarity ?? defaults.selfieMinSimilarity,
		localSelfieMinCosine: out.localSelfieMinCosine ?? defaults.localSelfieMinCosine,
	};
}

/**
 * The admin's overrides as the workers take them, with what they give over the defaults; null
 * when the workers ignore the stored value as a whole (not the schema's shape, or a minimum bib
 * length above the maximum once the defaults fill the gaps): never half-read.
 */
export function acceptedAiSettings(
	stored: unknown,
	defaultProvider: AiProvider,
): { overrides: AiSettingsInput; settings: AiSettings } | null {
	const parsed = v.safeParse(aiSettingsSchema, stored ?? {});
	if (!parsed.success) return null;
	const settings = overDefaults(parsed.output, defaultProvider);
	return settings.bibMinLength > settings.bibMaxLength ? null : { overrides: parsed.output, settings };
}

/** The stored value over the defaults; a value the workers ignore gives the defaults. */
export function resolveAiSettings(stored: unknown, defaultProvider: AiProvider): AiSettings {
	return acceptedAiSettings(stored, defaultProvider)?.settings ?? defaultAiSettings(defaultProvider);
}

/** The raw stored value of the admin's AI settings (null when never saved). */
export async function readStoredAiSettings(db: Pick<Db, "select">): Promise<unknown> {
	const [row] = await db
		.select({ value: platformSettings.value })
		.from(platformSettings)
		.where(eq(platformSettings.key, aiSettingsKey));
	return row?.value ?? null;
}

/**
 * The admin's AI settings as the worker sees them: re-read at most every `ttlMs` (a minute by
 * default), so a change applies without restarting any worker.
 */
export function createAiSettingsReader(options: { db: Db; defaultProvider: AiProvider; ttlMs?: number }) {
	return cachedValue(
		async (): Promise<AiSettings> =>
			resolveAiSettings(await readStoredAiSettings(options.db), options.defaultProvider),
		options.ttlMs ?? 60_000,
	);
}

export type AiSettingsReader = ReturnType<typeof createAiSettingsReader>;

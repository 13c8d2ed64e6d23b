import { type Db, platformSettings } from "@focus-racer/db";
import { inArray } from "drizzle-orm";
import * as v from "valibot";
import type { Storage } from "../storage/storage.ts";
import { cachedValue } from "./cached-value.ts";

/** Keys of platform_settings the pipeline reads (the admin issue adds their screens). */
export const pipelineSettingKeys = { watermark: "watermark", pipeline: "pipeline" } as const;

const watermarkSchema = v.object({ key: v.pipe(v.string(), v.minLength(1)) });
const pipelineSchema = v.object({
	/** PRODUCT.md §3: variance of the Laplacian below 30 is blurry. */
	blurThreshold: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)), 30),
	/** PRODUCT.md §3: Hamming distance ≤ 5 between 64-bit hashes is the same picture. */
	duplicateMaxDistance: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(32)), 5),
});

export interface PipelineSettings {
	blurThreshold: number;
	duplicateMaxDistance: number;
	/** The admin's watermark PNG; null: the default text watermark. */
	watermark: Buffer | null;
}

export const defaultPipelineSettings: PipelineSettings = {
	blurThreshold: 30,
	duplicateMaxDistance: 5,
	watermark: null,
};

/**
 * Reads the admin's pipeline settings, cached for `ttlMs` per process so 16 jobs in flight do
 * not each read the database and the watermark file. A bad or missing value falls back to the
 * PRODUCT.md defaults rather than failing photos.
 */
export function createPipelineSettingsReader(options: { db: Db; storage: Storage; ttlMs?: number }) {
	const ttl = options.ttlMs ?? 60_000;
	const load = async (): Promise<PipelineSettings> => {
		const rows = await options.db
			.select()
			.from(platformSettings)
			.where(inArray(platformSettings.key, Object.values(pipelineSettingKeys)));
		const value = (key: string) => rows.find((r) => r.key === key)?.value;
		const pipeline = v.safeParse(pipelineSchema, value(pipelineSettingKeys.pipeline) ?? {});
		const mark = v.safeParse(watermarkSchema, value(pipelineSettingKeys.watermark));
		const watermark = mark.success
			? await options.storage.getBuffer(mark.output.key).catch(() => null)
			: null;
		return {
			blurThreshold: pipeline.success ? pipeline.output.blurThreshold : defaultPipelineSettings.blurThreshold,
			duplicateMaxDistance: pipeline.success
				? pipeline.output.duplicateMaxDistance
				: defaultPipelineSettings.duplicateMaxDistance,
			watermark,
		};
	};
	return cachedValue(load, ttl);
}

export type PipelineSettingsReader = ReturnType<typeof createPipelineSettingsReader>;

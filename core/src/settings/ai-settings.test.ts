import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { aiSettingNumbers } from "./ai-setting-numbers.ts";
import { aiSettingsSchema, defaultAiSettings, resolveAiSettings } from "./ai-settings.ts";

describe("resolveAiSettings", () => {
	it("takes the env's provider and PRODUCT.md's thresholds when the admin set nothing", () => {
		expect(resolveAiSettings(undefined, "local")).toEqual(defaultAiSettings("local"));
		expect(resolveAiSettings(undefined, "rekognition")).toMatchObject({
			provider: "rekognition",
			bibMinConfidence: 70,
			faceMatchSimilarity: 85,
			bibMinLength: 1,
			bibMaxLength: 6,
		});
	});

	it("lays the admin's values over the defaults of the provider the admin chose", () => {
		const settings = resolveAiSettings({ provider: "rekognition", faceIndexing: false }, "local");
		expect(settings).toEqual({ ...defaultAiSettings("rekognition"), faceIndexing: false });
		expect(resolveAiSettings({ bibMinConfidence: 55 }, "local").bibMinConfidence).toBe(55);
	});

	it("ignores a stored value that does not hold together, whole", () => {
		expect(resolveAiSettings({ bibMinConfidence: 140, faceIndexing: false }, "local")).toEqual(
			defaultAiSettings("local"),
		);
		expect(resolveAiSettings({ provider: "magic" }, "local")).toEqual(defaultAiSettings("local"));
		expect(resolveAiSettings({ bibMinLength: 5, bibMaxLength: 3 }, "local")).toEqual(
			defaultAiSettings("local"),
		);
	});
});

describe("aiSettingsSchema bounds", () => {
	it("accepts every number setting at its bounds and refuses it past them (the bounds the admin form checks)", () => {
		for (const [key, spec] of Object.entries(aiSettingNumbers)) {
			const ok = (value: number) => v.safeParse(aiSettingsSchema, { [key]: value }).success;
			expect(ok(spec.min), `${key} at ${spec.min}`).toBe(true);
			expect(ok(spec.max), `${key} at ${spec.max}`).toBe(true);
			expect(ok(spec.min - 0.5), `${key} below`).toBe(false);
			expect(ok(spec.max + 0.5), `${key} above`).toBe(false);
			expect(ok((spec.min + spec.max) / 2 + 0.25), `${key} between`).toBe(!spec.integer);
		}
	});
});

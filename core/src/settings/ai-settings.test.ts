import { describe, expect, it } from "vitest";
import { defaultAiSettings, resolveAiSettings } from "./ai-settings.ts";

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

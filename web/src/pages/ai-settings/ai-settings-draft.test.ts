import { describe, expect, it } from "vitest";
import type { AiSettings, AiSettingsView } from "../../lib/trpc.ts";
import {
	draftChanged,
	draftDefaults,
	draftOf,
	emptyDraft,
	parseSettingNumber,
	readDraft,
} from "./ai-settings-draft.ts";

const local: AiSettings = {
	provider: "local",
	bibMinConfidence: 90,
	bibMinLength: 1,
	bibMaxLength: 6,
	faceIndexing: true,
	faceMatchSimilarity: 85,
	localFaceMatchCosine: 0.72,
	selfieMinSimilarity: 80,
	localSelfieMinCosine: 0.55,
};
const rekognition: AiSettings = { ...local, provider: "rekognition", bibMinConfidence: 70 };

function view(overrides: Partial<AiSettingsView> = {}): AiSettingsView {
	return {
		settings: local,
		stored: {},
		defaults: local,
		providerDefaults: { local, rekognition },
		rekognitionConfigured: false,
		envProvider: "local",
		...overrides,
	};
}

describe("the AI settings draft", () => {
	it("reads numbers typed with a comma or a dot", () => {
		expect(parseSettingNumber("0,8")).toBe(0.8);
		expect(parseSettingNumber(" 85.5 ")).toBe(85.5);
		expect(parseSettingNumber("")).toBeUndefined();
		expect(parseSettingNumber("-1")).toBeUndefined();
		expect(parseSettingNumber("abc")).toBeUndefined();
	});

	it("sends only the fields the admin set, so the rest follow the defaults", () => {
		const draft = draftOf({ bibMinConfidence: 80, localFaceMatchCosine: 0.8 }, "fr-FR");
		expect(draft.numbers.localFaceMatchCosine).toBe("0,8");
		expect(readDraft(draft, view())).toEqual({
			ok: true,
			overrides: { bibMinConfidence: 80, localFaceMatchCosine: 0.8 },
		});
		expect(readDraft(emptyDraft, view())).toEqual({ ok: true, overrides: {} });
	});

	it("takes the defaults of the provider chosen in the form, before it is saved", () => {
		const draft = { ...emptyDraft, provider: "rekognition" as const };
		expect(draftDefaults(draft, view()).bibMinConfidence).toBe(70);
		expect(draftDefaults(emptyDraft, view({ envProvider: "rekognition" })).bibMinConfidence).toBe(70);
	});

	it("refuses out-of-range numbers, a minimum above the maximum and an unconfigured Rekognition", () => {
		const bad = {
			...emptyDraft,
			provider: "rekognition" as const,
			numbers: { ...emptyDraft.numbers, bibMinConfidence: "150", bibMaxLength: "2,5" },
		};
		const read = readDraft(bad, view());
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors.map((e) => `${e.field}:${e.kind}`)).toEqual([
			"bibMinConfidence:number",
			"bibMaxLength:number",
			"provider:rekognitionUnavailable",
		]);
		// Against the default maximum too, as the server checks.
		const lengths = readDraft(
			{ ...emptyDraft, numbers: { ...emptyDraft.numbers, bibMinLength: "8" } },
			view(),
		);
		expect(lengths.ok || lengths.errors).toEqual([{ field: "bibMinLength", kind: "lengths" }]);
		expect(readDraft(bad, view({ rekognitionConfigured: true })).ok).toBe(false);
	});

	it("sees no change when the typed values are the saved ones", () => {
		const saved = view({ stored: { bibMinConfidence: 80 } });
		expect(draftChanged(draftOf({ bibMinConfidence: 80 }, "en-GB"), saved)).toBe(false);
		expect(
			draftChanged({ ...emptyDraft, numbers: { ...emptyDraft.numbers, bibMinConfidence: "80.0" } }, saved),
		).toBe(false);
		expect(draftChanged(emptyDraft, saved)).toBe(true);
		expect(draftChanged({ ...emptyDraft, faceIndexing: false }, view())).toBe(true);
	});
});

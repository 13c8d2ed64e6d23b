import { afterAll, describe, expect, it } from "vitest";
import type { DetectedFace, NormalisedBox, TextRead } from "../ai-engine.ts";
import { createLocalOcr } from "../local/ocr/local-ocr.ts";
import { bibScene, emptyScene } from "./bib-scene.testkit.ts";
import { defaultFacesFallbackTileScale, readBibs } from "./read-bibs.ts";
import type { TextPage, TextRegion } from "./text-page.ts";

// The real local engine (PP-OCRv4 on onnxruntime) on synthetic race photos.
const ocr = createLocalOcr();
afterAll(() => ocr.close());
const local = { textStrategy: "torso-crops" as const, detectText: ocr.detectText, pages: ocr };
const rules = { minConfidence: 90, minLength: 2, maxLength: 6 };

const faceAt = (box: NormalisedBox): DetectedFace => ({
	box,
	confidence: 99,
	embedding: null,
	embeddingModel: null,
	providerFaceId: null,
	quality: 1,
});

const inside = (outer: NormalisedBox, inner: NormalisedBox) => {
	const cx = inner.x + inner.width / 2;
	const cy = inner.y + inner.height / 2;
	return cx > outer.x && cx < outer.x + outer.width && cy > outer.y && cy < outer.y + outer.height;
};

describe("readBibs, torso crops (local engine)", () => {
	// Far, middle and near runners on a 1600 px photo, bibs slightly turned.
	it.each([
		{ bib: "2287", digitHeight: 12, seed: 1 },
		{ bib: "10264", digitHeight: 22, seed: 2 },
		{ bib: "731", digitHeight: 40, seed: 3 },
		{ bib: "48", digitHeight: 28, seed: 4, rotation: -5, skew: 8 },
	])("reads $bib with digits $digitHeight px high under the face", async (options) => {
		const scene = await bibScene(options);
		const bibs = await readBibs(local, scene.image, [faceAt(scene.face)], rules);
		expect(bibs.map((b) => b.bib)).toEqual([options.bib]);
		const [read] = bibs;
		expect(read?.confidence).toBeGreaterThanOrEqual(90);
		expect(read?.inStartList).toBe(false);
		// The box is the number's, in whole-image coordinates.
		if (read) expect(inside(read.box, scene.bibBox)).toBe(true);
	});

	it("marks a start-list number", async () => {
		const scene = await bibScene({ bib: "3638", digitHeight: 24, seed: 5 });
		const bibs = await readBibs(local, scene.image, [faceAt(scene.face)], {
			...rules,
			startList: new Set(["3638"]),
		});
		expect(bibs.map((b) => [b.bib, b.inStartList])).toEqual([["3638", true]]);
	});

	it("falls back to the page and tiles when there is no face", async () => {
		const scene = await bibScene({ bib: "5190", digitHeight: 20, seed: 6, width: 1200, height: 800 });
		const bibs = await readBibs(local, scene.image, [], rules);
		expect(bibs.map((b) => b.bib)).toEqual(["5190"]);
	});

	it("reads nothing on a scene without a bib, with or without a face", async () => {
		const image = await emptyScene(8);
		expect(await readBibs(local, image, [], rules)).toEqual([]);
		const face = faceAt({ x: 0.4, y: 0.1, width: 0.05, height: 0.08 });
		expect(await readBibs(local, image, [face], rules)).toEqual([]);
	});
});

describe("readBibs, fallback regions", () => {
	// A page that reads nothing and records the regions it was asked to detect text in.
	const recordingEngine = () => {
		const asked: TextRegion[][] = [];
		const page: TextPage = {
			width: 1000,
			height: 800,
			readRegions: async (regions) => {
				asked.push([...regions]);
				return [];
			},
			readLines: async (boxes) => boxes.map(() => null),
		};
		const engine = {
			textStrategy: "torso-crops" as const,
			detectText: async () => [],
			pages: { openPage: async () => page },
		};
		return { engine, asked };
	};
	const image = { data: Buffer.from("jpeg"), width: 1000, height: 800 };
	const tileScales = (regions: readonly TextRegion[] | undefined) => regions?.slice(1).map((r) => r.scale);

	it("reads the page and 2× tiles without a face", async () => {
		const { engine, asked } = recordingEngine();
		expect(await readBibs(engine, image, [], rules)).toEqual([]);
		expect(asked).toHaveLength(1);
		expect(asked[0]?.[0]?.scale).toBe(1);
		expect(tileScales(asked[0])).toEqual([2, 2, 2, 2]);
	});

	it("uses lighter tiles when faces had no number under them", async () => {
		const { engine, asked } = recordingEngine();
		const face = faceAt({ x: 0.4, y: 0.1, width: 0.05, height: 0.08 });
		expect(await readBibs(engine, image, [face], rules)).toEqual([]);
		// The torso, its two retries, then the page and the tiles.
		expect(asked).toHaveLength(4);
		expect(tileScales(asked[3])).toEqual([
			defaultFacesFallbackTileScale,
			defaultFacesFallbackTileScale,
			defaultFacesFallbackTileScale,
			defaultFacesFallbackTileScale,
		]);
		expect(defaultFacesFallbackTileScale).toBeLessThan(2);
	});
});

describe("readBibs, whole image (engines without pages)", () => {
	const box = { x: 0.2, y: 0.4, width: 0.1, height: 0.05 };
	const reads: TextRead[] = [
		{ text: "N°2287", confidence: 97, box },
		{ text: "228", confidence: 99, box },
		{ text: "10K", confidence: 99, box },
		{ text: "31", confidence: 60, box },
	];

	it("sends the picture once to detectText and applies the same rules", async () => {
		const calls: unknown[] = [];
		const engine = {
			textStrategy: "whole-image" as const,
			detectText: async (image: unknown) => {
				calls.push(image);
				return reads;
			},
		};
		const image = { data: Buffer.from("jpeg"), width: 100, height: 100 };
		const bibs = await readBibs(engine, image, [faceAt(box)], rules);
		expect(calls).toEqual([image]);
		expect(bibs).toEqual([{ bib: "2287", confidence: 97, box, inStartList: false }]);
	});
});

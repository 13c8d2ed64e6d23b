import { describe, expect, it } from "vitest";
import { faceQuality, mapFaceRecord } from "./map-faces.ts";
import { mapTextDetections } from "./map-text-detections.ts";
import { toNormalisedBox } from "./rekognition-box.ts";
import { box, line, word } from "./rekognition-engine.testkit.ts";

describe("toNormalisedBox", () => {
	it("keeps Rekognition's ratios as they are", () => {
		expect(toNormalisedBox(box(0.1, 0.2, 0.3, 0.4))).toEqual({ x: 0.1, y: 0.2, width: 0.3, height: 0.4 });
	});

	it("clips a face cut by the frame to the image", () => {
		const clipped = toNormalisedBox(box(-0.1, 0.8, 0.3, 0.4));
		expect(clipped?.x).toBe(0);
		expect(clipped?.width).toBeCloseTo(0.2);
		expect(clipped?.y).toBe(0.8);
		expect(clipped?.height).toBeCloseTo(0.2);
	});

	it("is null without a box, or with nothing inside the image", () => {
		expect(toNormalisedBox(undefined)).toBeNull();
		expect(toNormalisedBox({ Left: 0.1, Top: 0.1, Width: 0.2 })).toBeNull();
		expect(toNormalisedBox(box(1.2, 0.1, 0.2, 0.2))).toBeNull();
	});
});

describe("mapTextDetections", () => {
	it("keeps WORDs only, trimmed, with confidence 0–100", () => {
		const reads = mapTextDetections([
			line("1234 GO", 97, box(0.1, 0.1, 0.5, 0.1), 0),
			word(" 1234 ", 98.25, box(0.1, 0.1, 0.2, 0.1), 1),
			word("GO", 91, box(0.4, 0.1, 0.2, 0.1), 2),
		]);
		expect(reads).toEqual([
			{ text: "1234", confidence: 98.25, box: { x: 0.1, y: 0.1, width: 0.2, height: 0.1 } },
			{ text: "GO", confidence: 91, box: { x: 0.4, y: 0.1, width: 0.2, height: 0.1 } },
		]);
	});

	it("drops words without text or box", () => {
		expect(
			mapTextDetections([word("  ", 90, box(0, 0, 0.1, 0.1)), { Type: "WORD", DetectedText: "7" }]),
		).toEqual([]);
		expect(mapTextDetections(undefined)).toEqual([]);
	});
});

describe("faceQuality", () => {
	it("is sharpness/100 for a well exposed face", () => {
		expect(faceQuality({ Sharpness: 80, Brightness: 50 })).toBeCloseTo(0.8);
		expect(faceQuality({ Sharpness: 80, Brightness: 25 })).toBeCloseTo(0.8);
		expect(faceQuality({ Sharpness: 80, Brightness: 75 })).toBeCloseTo(0.8);
	});

	it("fades to 0 for a face too dark or blown out", () => {
		expect(faceQuality({ Sharpness: 80, Brightness: 12.5 })).toBeCloseTo(0.4);
		expect(faceQuality({ Sharpness: 80, Brightness: 0 })).toBe(0);
		expect(faceQuality({ Sharpness: 80, Brightness: 100 })).toBe(0);
	});

	it("counts missing measures as average sharpness and good exposure", () => {
		expect(faceQuality(undefined)).toBe(0.5);
		expect(faceQuality({ Brightness: 50 })).toBe(0.5);
		expect(faceQuality({ Sharpness: 60 })).toBeCloseTo(0.6);
	});
});

describe("mapFaceRecord", () => {
	it("drops a record without a face id", () => {
		expect(
			mapFaceRecord({ FaceDetail: { BoundingBox: box(0.1, 0.1, 0.2, 0.2), Confidence: 99 } }),
		).toBeNull();
	});
});

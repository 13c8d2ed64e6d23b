import { Tensor } from "onnxruntime-node";
import type { RgbImage } from "../../../image/decode-rgb.ts";
import {
	boxesFromProbabilityMap,
	type DbPostprocessOptions,
	type LineMergeOptions,
	mergeLineBoxes,
	type TextBox,
} from "./db-postprocess.ts";
import type { OcrModels } from "./ocr-models.ts";

// ImageNet statistics, in the detector's input channel order (below).
const mean = [0.485, 0.456, 0.406] as const;
const std = [0.229, 0.224, 0.225] as const;

/**
 * Plane order of the detector input. PaddleOCR feeds OpenCV's BGR pixels with the statistics
 * applied in that order. Either order finds text, but not always the same text: the net's
 * squeeze-excitation blocks pool over the whole input, so on a small torso crop dominated by a
 * shirt the output can collapse to ~0 in one order and find the bib in the other (RBNR set1_07).
 * On the dev photos BGR and RGB found as many bibs (176 vs 177 of 193) and the union of both
 * passes no more than RGB alone at +40 % CPU: Paddle's BGR it is.
 */
export type ColourOrder = "rgb" | "bgr";

const planesOf: Record<ColourOrder, readonly [number, number, number]> = { rgb: [0, 1, 2], bgr: [2, 1, 0] };

/** (px/255 − mean)/std per channel, planar [1,3,H,W]: what DB was trained on. */
export function detectorTensor(image: RgbImage, order: ColourOrder = "bgr"): Tensor {
	const [p0 = 0, p1 = 1, p2 = 2] = planesOf[order];
	const { width, height, data } = image;
	const plane = width * height;
	const out = new Float32Array(3 * plane);
	// One pass over the pixels writing the three planes: three passes, one per channel, read
	// every pixel three times (≈ 1.6 ms per 416 × 544 torso crop against ≈ 1.2 ms).
	const scaleOf = (c: number) => 1 / (255 * (std[c] ?? 1));
	const shiftOf = (c: number) => (mean[c] ?? 0) / (std[c] ?? 1);
	const [s0, s1, s2] = [scaleOf(p0), scaleOf(p1), scaleOf(p2)];
	const [h0, h1, h2] = [shiftOf(p0), shiftOf(p1), shiftOf(p2)];
	const [o0, o1, o2] = [p0 * plane, p1 * plane, p2 * plane];
	for (let i = 0, j = 0; i < plane; i++, j += 3) {
		out[o0 + i] = (data[j] as number) * s0 - h0;
		out[o1 + i] = (data[j + 1] as number) * s1 - h1;
		out[o2 + i] = (data[j + 2] as number) * s2 - h2;
	}
	return new Tensor("float32", out, [1, 3, height, width]);
}

/** Detector input size for a picture: scaled, sides multiples of 32 (the net downsamples 32×). */
export function detectorSize(
	width: number,
	height: number,
	scale: number,
	maxSide: number,
): { width: number; height: number } {
	const limited = Math.min(scale, maxSide / Math.max(width, height));
	const round = (side: number) => Math.max(32, Math.round((side * limited) / 32) * 32);
	return { width: round(width), height: round(height) };
}

/** Text line boxes in the pixels of `image` (which must already have detector-sized sides). */
export async function runDetector(
	models: OcrModels,
	image: RgbImage,
	options: DbPostprocessOptions,
	merge: LineMergeOptions | null,
	order: ColourOrder = "bgr",
): Promise<TextBox[]> {
	const input = detectorTensor(image, order);
	const output = await models.detection.run({ x: input });
	const map = output["sigmoid_0.tmp_0"];
	input.dispose();
	if (!map) throw new Error("OCR detector: no sigmoid_0.tmp_0 output");
	const data = map.data as Float32Array;
	const boxes = boxesFromProbabilityMap({ data, width: image.width, height: image.height }, options);
	map.dispose();
	return merge ? mergeLineBoxes(boxes, merge) : boxes;
}

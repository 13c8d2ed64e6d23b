import type { GraphModel } from "@tensorflow/tfjs-converter";
import type { Tensor } from "@tensorflow/tfjs-core";
import type { HumanTf } from "./human-types.ts";

/** The name stored with every embedding: vectors of different models never compare. */
export const faceEmbeddingModel = "human-faceres-1024";

/**
 * faceres' input side. Smaller inputs run (the graph pools globally) and cost less (160 px ≈ half
 * the CPU of 224), but same-runner top-1 on rbnr-dev fell from 81 % to 69 % at 160 px and 53 %
 * at 128 px: not worth it.
 */
const faceresSide = 224;

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
export async function embedFace(tf: HumanTf, model: GraphModel, crop: Tensor): Promise<number[]> {
	const height = faceresSide;
	const width = faceresSide;
	const input = tf.tidy(() => {
		const batch = crop.rank === 3 ? tf.expandDims(crop, 0) : crop;
		return tf.mul(
			tf.image.resizeBilinear(batch as Parameters<typeof tf.image.resizeBilinear>[0], [height, width], false),
			255,
		);
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

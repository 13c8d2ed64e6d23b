import { readFile } from "node:fs/promises";
import path from "node:path";

/** A node of a tfjs graph model (model.json), as far as the conversion reads it. */
export interface GraphNode {
	name: string;
	op: string;
	input?: string[];
	attr?: Record<string, unknown>;
}

/** A weight of the graph, decoded to numbers (float16 weights dequantised to float32). */
export interface GraphConstant {
	shape: readonly number[];
	values: ArrayLike<number>;
}

export type ConstantOf = (name: string) => GraphConstant | undefined;

export interface TfjsGraph {
	nodes: GraphNode[];
	constantOf: ConstantOf;
}

interface WeightSpec {
	name: string;
	shape: number[];
	dtype: string;
	quantization?: { dtype: string };
}

interface ModelJson {
	modelTopology: { node: GraphNode[] };
	weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

/** IEEE half → float: exact (every half is a float), as tfjs' own dequantisation. */
function halfToFloat(bits: number): number {
	const sign = bits & 0x8000 ? -1 : 1;
	const exponent = (bits >> 10) & 0x1f;
	const fraction = bits & 0x3ff;
	if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
	if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
	return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decodeWeight(
	spec: WeightSpec,
	bytes: Buffer,
	offset: number,
): { values: ArrayLike<number>; size: number } {
	const count = spec.shape.reduce((a, b) => a * b, 1);
	const stored = spec.quantization?.dtype ?? spec.dtype;
	const copy = (size: number) => Uint8Array.from(bytes.subarray(offset, offset + count * size)).buffer;
	if (stored === "float32" && spec.dtype === "float32")
		return { values: new Float32Array(copy(4)), size: count * 4 };
	if (stored === "int32" && spec.dtype === "int32")
		return { values: new Int32Array(copy(4)), size: count * 4 };
	if (stored === "float16" && spec.dtype === "float32") {
		const halves = new Uint16Array(copy(2));
		return { values: Float32Array.from(halves, halfToFloat), size: count * 2 };
	}
	throw new Error(`tfjs graph: weight ${spec.name} is ${stored} as ${spec.dtype}, which is not read`);
}

/**
 * A tfjs graph model (model.json and its weight files) read from disk with its weights decoded,
 * without tfjs: the local engine converts these graphs to ONNX (tfjs-to-onnx.ts) and runs them
 * on onnxruntime.
 */
export async function readTfjsGraph(modelJsonPath: string): Promise<TfjsGraph> {
	const json = JSON.parse(await readFile(modelJsonPath, "utf8")) as ModelJson;
	const directory = path.dirname(modelJsonPath);
	const constants = new Map<string, GraphConstant>();
	for (const group of json.weightsManifest) {
		const bytes = Buffer.concat(
			await Promise.all(group.paths.map((file) => readFile(path.join(directory, file)))),
		);
		let offset = 0;
		for (const spec of group.weights) {
			const { values, size } = decodeWeight(spec, bytes, offset);
			constants.set(spec.name, { shape: spec.shape, values });
			offset += size;
		}
		if (offset !== bytes.length)
			throw new Error(
				`tfjs graph: ${modelJsonPath} holds ${bytes.length} weight bytes, its manifest ${offset}`,
			);
	}
	return { nodes: json.modelTopology.node, constantOf: (name) => constants.get(name) };
}

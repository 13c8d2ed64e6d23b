import { readFile } from "node:fs/promises";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { OnnxGraph } from "../onnx/onnx-graph.ts";
import { readFields, writeFields } from "../onnx/protobuf-wire.ts";
import { fuseOcrGraph } from "./fuse-ocr-graph.ts";
import { ocrModelPaths } from "./ocr-models.ts";

const paths = ocrModelPaths();
const options: InferenceSession.SessionOptions = { intraOpNumThreads: 1, graphOptimizationLevel: "all" };

/** A smooth, text-like pattern with noise, the same on every run. */
function input(shape: number[]): Tensor {
	const size = shape.reduce((a, b) => a * b, 1);
	const data = new Float32Array(size);
	let seed = 7;
	for (let i = 0; i < size; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		data[i] = Math.sin(i * 0.013) * 1.5 + (seed / 2147483648 - 0.5) * 0.4;
	}
	return new Tensor("float32", data, shape);
}

async function largestDifference(original: Uint8Array, fused: Uint8Array, shape: number[]): Promise<number> {
	const [a, b] = await Promise.all([
		InferenceSession.create(original, options),
		InferenceSession.create(fused, options),
	]);
	const x = input(shape);
	const [ra, rb] = await Promise.all([a.run({ x }), b.run({ x })]);
	const va = ra[a.outputNames[0] ?? ""]?.data as Float32Array;
	const vb = rb[b.outputNames[0] ?? ""]?.data as Float32Array;
	expect(va.length).toBe(vb.length);
	let worst = 0;
	for (let i = 0; i < va.length; i++) worst = Math.max(worst, Math.abs((va[i] ?? 0) - (vb[i] ?? 0)));
	await Promise.all([a.release(), b.release()]);
	return worst;
}

describe("fuseOcrGraph on the shipped PP-OCRv4 models", () => {
	it("reads and writes an ONNX file without changing a byte", async () => {
		const bytes = await readFile(paths.recognition);
		expect(Buffer.from(writeFields(readFields(bytes))).equals(bytes)).toBe(true);
		expect(Buffer.from(OnnxGraph.read(bytes).write()).equals(bytes)).toBe(true);
	});

	it("fuses the detector's affines and hard swishes, and its map stays the same", async () => {
		const bytes = await readFile(paths.detection);
		const graph = OnnxGraph.read(bytes);
		const before = graph.nodes.length;
		expect(fuseOcrGraph(graph)).toEqual({
			foldedAffines: 28,
			hardSwishes: 24,
			activationAffinesFolded: 10,
			activationAffinesDepthwise: 13,
		});
		expect(graph.nodes.filter((n) => n.op === "Clip" || n.op === "Div")).toEqual([]);
		// One scalar Mul is left: the affine read by a pooling layer as well as a convolution.
		const scalarMuls = graph.nodes.filter(
			(n) => n.op === "Mul" && n.inputs.some((i) => graph.scalar(i) !== null),
		);
		expect(scalarMuls).toHaveLength(1);
		expect(graph.nodes.length).toBeLessThan(before);
		expect(await largestDifference(bytes, graph.write(), [1, 3, 160, 224])).toBeLessThan(1e-4);
	});

	it("fuses the recogniser (Clip bounds as attributes, opset 9) and its probabilities stay the same", async () => {
		const bytes = await readFile(paths.recognition);
		const graph = OnnxGraph.read(bytes);
		expect(fuseOcrGraph(graph)).toEqual({
			foldedAffines: 28,
			hardSwishes: 28,
			activationAffinesFolded: 12,
			activationAffinesDepthwise: 13,
		});
		expect(await largestDifference(bytes, graph.write(), [1, 3, 48, 192])).toBeLessThan(1e-4);
	});

	it("leaves a chain whose constants are not the pattern's", async () => {
		const graph = OnnxGraph.read(await readFile(paths.detection));
		// One hard swish's "+ 3" made "+ 2.5": that chain is another function now.
		const add = graph.nodes.find((n) => n.op === "Add" && graph.scalar(n.inputs[1]) === 3);
		const three = add?.inputs[1];
		if (!three) throw new Error("the detector has no x + 3");
		graph.setConstant(three, Float32Array.of(2.5));
		expect(graph.scalar(three)).toBe(2.5);
		expect(fuseOcrGraph(graph).hardSwishes).toBe(23);
		expect(graph.nodes.filter((n) => n.op === "Clip")).toHaveLength(1);
	});
});

import { InferenceSession, Tensor } from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../image/image-fixtures.testkit.ts";
import { onnxSessionOptions } from "../onnx/session-options.ts";
import {
	faceresDescriptorOutput,
	faceresToOnnx,
	type GraphConstant,
	type GraphNode,
} from "./faceres-onnx.ts";

/**
 * A small graph in faceres' own spelling (tfjs ops, NHWC, Keras batch norms and ReLU6), checked
 * against a direct computation in TF's conventions: the kernel layouts, a depth multiplier of 2
 * and SAME padding with a stride of 2 on an odd and an even side are where a conversion goes
 * wrong. (The real model is checked against tfjs in local-faces.test.ts.)
 */
const height = 5;
const width = 6;
const channels = 2;
const multiplier = 2;
const outputs = 3;

const random = seededRandom(11);
const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
const constants: Record<string, GraphConstant> = {
	dw_kernel: { shape: [3, 3, channels, multiplier], values: values(9 * channels * multiplier) },
	dw_scale: { shape: [channels * multiplier], values: values(channels * multiplier) },
	dw_shift: { shape: [channels * multiplier], values: values(channels * multiplier) },
	pw_kernel: {
		shape: [1, 1, channels * multiplier, outputs],
		values: values(channels * multiplier * outputs),
	},
	pw_shift: { shape: [outputs], values: values(outputs) },
	six: { shape: [], values: [6] },
	zero: { shape: [], values: [0] },
	axes: { shape: [2], values: [1, 2] },
};
const b64 = (text: string) => Buffer.from(text).toString("base64");
const conv = (strides: number) => ({
	strides: { list: { i: ["1", `${strides}`, `${strides}`, "1"] } },
	dilations: { list: { i: ["1", "1", "1", "1"] } },
	padding: { s: b64("SAME") },
	data_format: { s: b64("NHWC") },
});
const relu6 = (prefix: string, input: string): GraphNode[] => [
	{ name: `${prefix}/relu`, op: "Relu", input: [input] },
	{ name: `${prefix}/min`, op: "Minimum", input: [`${prefix}/relu`, "six"] },
	{ name: `${prefix}/max`, op: "Maximum", input: [`${prefix}/min`, "zero"] },
];
const nodes: GraphNode[] = [
	...Object.keys(constants).map((name) => ({ name, op: "Const" })),
	{
		name: "input_1",
		op: "Placeholder",
		attr: { shape: { shape: { dim: ["-1", "-1", "-1", `${channels}`].map((size) => ({ size })) } } },
	},
	{ name: "dw", op: "DepthwiseConv2dNative", input: ["input_1", "dw_kernel"], attr: conv(2) },
	{ name: "dw/bn_mul", op: "Mul", input: ["dw", "dw_scale"] },
	{ name: "dw/bn_add", op: "Add", input: ["dw/bn_mul", "dw_shift"] },
	...relu6("dw", "dw/bn_add"),
	{ name: "pw", op: "Conv2D", input: ["dw/max", "pw_kernel"], attr: conv(1) },
	{ name: "pw/bn_add", op: "Add", input: ["pw", "pw_shift"] },
	...relu6("pw", "pw/bn_add"),
	{ name: faceresDescriptorOutput, op: "Mean", input: ["pw/max", "axes"] },
	// A head the descriptor does not need, with an op the conversion does not know.
	{ name: "age", op: "Softmax", input: [faceresDescriptorOutput] },
];
const constantOf = (name: string) => constants[name];

/** The same graph computed directly, NHWC, with TF's SAME padding (the odd pixel at the end). */
function reference(input: Float32Array): number[] {
	const at = (c: GraphConstant, i: number) => c.values[i] ?? 0;
	const { dw_kernel, dw_scale, dw_shift, pw_kernel, pw_shift } = constants as Record<string, GraphConstant>;
	if (!dw_kernel || !dw_scale || !dw_shift || !pw_kernel || !pw_shift) throw new Error("constants");
	const clip6 = (v: number) => Math.min(6, Math.max(0, v));
	const outH = Math.ceil(height / 2);
	const outW = Math.ceil(width / 2);
	const padTop = Math.floor(Math.max((outH - 1) * 2 + 3 - height, 0) / 2);
	const padLeft = Math.floor(Math.max((outW - 1) * 2 + 3 - width, 0) / 2);
	const depthwise: number[] = [];
	for (let y = 0; y < outH; y++)
		for (let x = 0; x < outW; x++)
			for (let c = 0; c < channels; c++)
				for (let m = 0; m < multiplier; m++) {
					let sum = 0;
					for (let i = 0; i < 3; i++)
						for (let j = 0; j < 3; j++) {
							const yy = y * 2 + i - padTop;
							const xx = x * 2 + j - padLeft;
							if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
							sum +=
								(input[(yy * width + xx) * channels + c] ?? 0) *
								at(dw_kernel, ((i * 3 + j) * channels + c) * multiplier + m);
						}
					const k = c * multiplier + m;
					depthwise.push(clip6(sum * at(dw_scale, k) + at(dw_shift, k)));
				}
	const mean = new Array<number>(outputs).fill(0);
	const mid = channels * multiplier;
	for (let p = 0; p < outH * outW; p++)
		for (let o = 0; o < outputs; o++) {
			let sum = at(pw_shift, o);
			for (let k = 0; k < mid; k++) sum += (depthwise[p * mid + k] ?? 0) * at(pw_kernel, k * outputs + o);
			mean[o] = (mean[o] ?? 0) + clip6(sum) / (outH * outW);
		}
	return mean;
}

describe("faceresToOnnx", () => {
	it("computes what the tfjs graph means: layouts, depth multiplier, SAME padding, batch norms, ReLU6, mean", async () => {
		const session = await InferenceSession.create(faceresToOnnx(nodes, constantOf), onnxSessionOptions);
		try {
			const input = Float32Array.from({ length: height * width * channels }, () => random() * 4 - 2);
			const result = await session.run({ input: new Tensor("float32", input, [1, height, width, channels]) });
			const got = Array.from((result[faceresDescriptorOutput]?.data as Float32Array | undefined) ?? []);
			const want = reference(input);
			expect(got).toHaveLength(outputs);
			for (let o = 0; o < outputs; o++) expect(got[o]).toBeCloseTo(want[o] ?? Number.NaN, 5);
			// Not all zero: the ReLU6s let something through, so the check means something.
			expect(want.some((v) => v > 0.01)).toBe(true);
		} finally {
			await session.release();
		}
	});

	it("refuses an op it does not convert on the way to the descriptor", () => {
		const unknown = nodes.map((n) => (n.name === "pw/relu" ? { ...n, op: "Elu" } : n));
		expect(() => faceresToOnnx(unknown, constantOf)).toThrow(/Elu/);
	});

	it("refuses a Mul that is no batch norm on a convolution", () => {
		const scalar = nodes.map((n) => (n.name === "dw/bn_mul" ? { ...n, input: ["dw", "six"] } : n));
		expect(() => faceresToOnnx(scalar, constantOf)).toThrow(/batch norm/);
	});
});

import { InferenceSession, Tensor } from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../image/image-fixtures.testkit.ts";
import { onnxSessionOptions } from "./session-options.ts";
import type { GraphConstant, GraphNode } from "./tfjs-graph.ts";
import { tfjsToOnnx } from "./tfjs-to-onnx.ts";

/**
 * Small graphs in the spelling of human's two models (tfjs ops, NHWC), checked against a direct
 * computation in TF's conventions. Kernel layouts, depth multipliers, SAME padding with a stride
 * of 2 on odd and even sides, a pad of the channels and a reshape in NHWC order are where a
 * conversion goes wrong. (The real models are checked against tfjs in local-faces.test.ts.)
 */

const random = seededRandom(11);
const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
const b64 = (text: string) => Buffer.from(text).toString("base64");
const attrs = (strides: number, padding: "SAME" | "VALID") => ({
	strides: { list: { i: ["1", `${strides}`, `${strides}`, "1"] } },
	dilations: { list: { i: ["1", "1", "1", "1"] } },
	padding: { s: b64(padding) },
	data_format: { s: b64("NHWC") },
});
const placeholder = (channels: number): GraphNode => ({
	name: "input_1",
	op: "Placeholder",
	attr: { shape: { shape: { dim: ["-1", "-1", "-1", `${channels}`].map((size) => ({ size })) } } },
});

/** An NHWC image of one batch. */
interface Image {
	data: number[];
	h: number;
	w: number;
	c: number;
}
const pixel = (x: Image, y: number, xx: number, c: number) => x.data[(y * x.w + xx) * x.c + c] ?? 0;

/** TF's convolution: HWIO kernel (HWCM when depthwise), SAME puts the odd pixel at the end. */
function conv(
	x: Image,
	kernel: GraphConstant,
	stride: number,
	padding: "SAME" | "VALID",
	depthwise = false,
): Image {
	const [kh = 0, kw = 0, ci = 0, co = 0] = kernel.shape;
	const h = padding === "SAME" ? Math.ceil(x.h / stride) : Math.ceil((x.h - kh + 1) / stride);
	const w = padding === "SAME" ? Math.ceil(x.w / stride) : Math.ceil((x.w - kw + 1) / stride);
	const padTop = padding === "SAME" ? Math.floor(Math.max((h - 1) * stride + kh - x.h, 0) / 2) : 0;
	const padLeft = padding === "SAME" ? Math.floor(Math.max((w - 1) * stride + kw - x.w, 0) / 2) : 0;
	const c = depthwise ? ci * co : co;
	const data: number[] = [];
	for (let y = 0; y < h; y++)
		for (let xx = 0; xx < w; xx++)
			for (let o = 0; o < c; o++) {
				let sum = 0;
				for (let i = 0; i < kh; i++)
					for (let j = 0; j < kw; j++) {
						const sy = y * stride + i - padTop;
						const sx = xx * stride + j - padLeft;
						if (sy < 0 || sy >= x.h || sx < 0 || sx >= x.w) continue;
						if (depthwise) {
							const [channel, m] = [Math.floor(o / co), o % co];
							sum += pixel(x, sy, sx, channel) * (kernel.values[((i * kw + j) * ci + channel) * co + m] ?? 0);
						} else
							for (let k = 0; k < ci; k++)
								sum += pixel(x, sy, sx, k) * (kernel.values[((i * kw + j) * ci + k) * co + o] ?? 0);
					}
				data.push(sum);
			}
	return { data, h, w, c };
}
const perChannel = (x: Image, f: (v: number, c: number) => number): Image => ({
	...x,
	data: x.data.map((v, i) => f(v, i % x.c)),
});
const at = (constant: GraphConstant | undefined, i: number) => constant?.values[i] ?? 0;

async function run(
	model: Uint8Array,
	input: Image,
	output: string,
): Promise<{ data: number[]; dims: readonly number[] }> {
	const session = await InferenceSession.create(model, onnxSessionOptions);
	try {
		const result = await session.run({
			input: new Tensor("float32", Float32Array.from(input.data), [1, input.h, input.w, input.c]),
		});
		const tensor = result[output];
		if (!tensor) throw new Error(`no output ${output}`);
		return { data: Array.from(tensor.data as Float32Array), dims: tensor.dims };
	} finally {
		await session.release();
	}
}

function randomImage(h: number, w: number, c: number): Image {
	return { data: Array.from({ length: h * w * c }, () => random() * 4 - 2), h, w, c };
}

describe("tfjsToOnnx, faceres' ops", () => {
	const [channels, multiplier, outputs] = [2, 2, 3];
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
	const relu6 = (prefix: string, input: string): GraphNode[] => [
		{ name: `${prefix}/relu`, op: "Relu", input: [input] },
		{ name: `${prefix}/min`, op: "Minimum", input: [`${prefix}/relu`, "six"] },
		{ name: `${prefix}/max`, op: "Maximum", input: [`${prefix}/min`, "zero"] },
	];
	const nodes: GraphNode[] = [
		...Object.keys(constants).map((name) => ({ name, op: "Const" })),
		placeholder(channels),
		{ name: "dw", op: "DepthwiseConv2dNative", input: ["input_1", "dw_kernel"], attr: attrs(2, "SAME") },
		{ name: "dw/bn_mul", op: "Mul", input: ["dw", "dw_scale"] },
		{ name: "dw/bn_add", op: "Add", input: ["dw/bn_mul", "dw_shift"] },
		...relu6("dw", "dw/bn_add"),
		{ name: "pw", op: "Conv2D", input: ["dw/max", "pw_kernel"], attr: attrs(1, "SAME") },
		{ name: "pw/bn_add", op: "Add", input: ["pw", "pw_shift"] },
		...relu6("pw", "pw/bn_add"),
		{ name: "mean", op: "Mean", input: ["pw/max", "axes"] },
		// A head the output does not need, with an op the conversion does not know.
		{ name: "age", op: "Softmax", input: ["mean"] },
	];
	const spec = {
		name: "faceres-like",
		nodes,
		constantOf: (name: string) => constants[name],
		outputs: ["mean"],
	};
	const clip6 = (v: number) => Math.min(6, Math.max(0, v));

	function reference(input: Image): number[] {
		const dw = perChannel(conv(input, constants.dw_kernel as GraphConstant, 2, "SAME", true), (v, c) =>
			clip6(v * at(constants.dw_scale, c) + at(constants.dw_shift, c)),
		);
		const pw = perChannel(conv(dw, constants.pw_kernel as GraphConstant, 1, "SAME"), (v, c) =>
			clip6(v + at(constants.pw_shift, c)),
		);
		const mean = new Array<number>(pw.c).fill(0);
		pw.data.forEach((v, i) => {
			mean[i % pw.c] = (mean[i % pw.c] ?? 0) + v / (pw.h * pw.w);
		});
		return mean;
	}

	it("computes what the graph means: depth multiplier, SAME at stride 2 on odd and even sides, batch norms, ReLU6, mean", async () => {
		const model = tfjsToOnnx(spec);
		for (const [h, w] of [
			[5, 6],
			[6, 7],
		] as const) {
			const input = randomImage(h, w, channels);
			const got = await run(model, input, "mean");
			const want = reference(input);
			expect(got.dims).toEqual([1, outputs]);
			for (let o = 0; o < outputs; o++) expect(got.data[o]).toBeCloseTo(want[o] ?? Number.NaN, 5);
			// Not all zero: the ReLU6s let something through, so the check means something.
			expect(want.some((v) => v > 0.01)).toBe(true);
		}
	});

	it("refuses an op it does not convert on the way to the outputs", () => {
		const unknown = nodes.map((n) => (n.name === "pw/relu" ? { ...n, op: "Elu" } : n));
		expect(() => tfjsToOnnx({ ...spec, nodes: unknown })).toThrow(/Elu/);
	});

	it("refuses a Mul by a constant that is neither a scalar nor one value per channel", () => {
		const grid: GraphConstant = { shape: [2, 2], values: [1, 2, 3, 4] };
		const constantOf = (name: string) => (name === "grid" ? grid : constants[name]);
		const byGrid = nodes.map((n) => (n.name === "dw/bn_mul" ? { ...n, input: ["dw", "grid"] } : n));
		expect(() => tfjsToOnnx({ ...spec, constantOf, nodes: byGrid })).toThrow(/by a constant of shape 2×2/);
	});
});

describe("tfjsToOnnx, blazeface's ops", () => {
	const [channels, mid, padded] = [2, 3, 5];
	const constants: Record<string, GraphConstant> = {
		a_kernel: { shape: [3, 3, channels, mid], values: values(9 * channels * mid) },
		a_bias: { shape: [mid], values: values(mid) },
		d_kernel: { shape: [3, 3, mid, 1], values: values(9 * mid) },
		p_kernel: { shape: [1, 1, mid, mid], values: values(mid * mid) },
		p_bias: { shape: [mid], values: values(mid) },
		paddings: { shape: [4, 2], values: [0, 0, 0, 0, 0, 0, 0, padded - mid] },
		shape: { shape: [3], values: [1, -1, padded] },
	};
	const fused = (ops: string[]) => ({ fused_ops: { list: { s: ops.map(b64) } } });
	const nodes: GraphNode[] = [
		...Object.keys(constants).map((name) => ({ name, op: "Const" })),
		placeholder(channels),
		{
			name: "a",
			op: "_FusedConv2D",
			input: ["input_1", "a_kernel", "a_bias"],
			attr: { ...attrs(1, "SAME"), ...fused(["BiasAdd", "Relu"]) },
		},
		{ name: "d", op: "DepthwiseConv2dNative", input: ["a", "d_kernel"], attr: attrs(1, "SAME") },
		{
			name: "p",
			op: "_FusedConv2D",
			input: ["d", "p_kernel", "p_bias"],
			attr: { ...attrs(1, "VALID"), ...fused(["BiasAdd"]) },
		},
		{ name: "sum", op: "AddV2", input: ["a", "p"] },
		{ name: "r", op: "Relu", input: ["sum"] },
		{
			name: "pool",
			op: "MaxPool",
			input: ["r"],
			attr: { ...attrs(2, "SAME"), ksize: { list: { i: ["1", "2", "2", "1"] } } },
		},
		{ name: "pad", op: "Pad", input: ["pool", "paddings"] },
		{ name: "flat", op: "Reshape", input: ["pad", "shape"] },
		{ name: "Identity", op: "Identity", input: ["flat"] },
	];
	const spec = {
		name: "blazeface-like",
		nodes,
		constantOf: (name: string) => constants[name],
		outputs: ["Identity"],
	};
	const relu = (v: number) => Math.max(0, v);

	/** The same graph in NHWC; the reshape of NHWC memory is the NHWC data itself. */
	function reference(input: Image): number[] {
		const a = perChannel(conv(input, constants.a_kernel as GraphConstant, 1, "SAME"), (v, c) =>
			relu(v + at(constants.a_bias, c)),
		);
		const d = conv(a, constants.d_kernel as GraphConstant, 1, "SAME", true);
		const p = perChannel(
			conv(d, constants.p_kernel as GraphConstant, 1, "VALID"),
			(v, c) => v + at(constants.p_bias, c),
		);
		const r: Image = { ...a, data: a.data.map((v, i) => relu(v + (p.data[i] ?? 0))) };
		const out: number[] = [];
		for (let y = 0; y < Math.ceil(r.h / 2); y++)
			for (let x = 0; x < Math.ceil(r.w / 2); x++)
				for (let c = 0; c < padded; c++) {
					if (c >= mid) {
						out.push(0);
						continue;
					}
					let best = Number.NEGATIVE_INFINITY;
					for (const [dy, dx] of [
						[0, 0],
						[0, 1],
						[1, 0],
						[1, 1],
					] as const)
						if (y * 2 + dy < r.h && x * 2 + dx < r.w)
							best = Math.max(best, pixel(r, y * 2 + dy, x * 2 + dx, c));
					out.push(best);
				}
		return out;
	}

	it("computes what the graph means: fused bias and ReLU, residual sum, max pool, channel pad, NHWC reshape", async () => {
		const input = randomImage(4, 6, channels);
		const got = await run(tfjsToOnnx(spec), input, "Identity");
		const want = reference(input);
		expect(got.dims).toEqual([1, 6, padded]);
		expect(got.data).toHaveLength(want.length);
		for (const [i, v] of want.entries()) expect(got.data[i]).toBeCloseTo(v, 5);
		expect(want.filter((v) => v > 0.01).length).toBeGreaterThan(6);
	});

	it("refuses a fused op it does not know and an output it cannot find", () => {
		const elu = nodes.map((n) =>
			n.name === "a" ? { ...n, attr: { ...n.attr, ...fused(["BiasAdd", "Elu"]) } } : n,
		);
		expect(() => tfjsToOnnx({ ...spec, nodes: elu })).toThrow(/fuses BiasAdd, Elu/);
		expect(() => tfjsToOnnx({ ...spec, outputs: ["Identity_9"] })).toThrow(/no node Identity_9/);
	});
});

describe("tfjsToOnnx, selfie's ops", () => {
	const [channels, mid, side, up] = [2, 3, 4, 8];
	const constants: Record<string, GraphConstant> = {
		c_kernel: { shape: [1, 1, channels, mid], values: values(channels * mid) },
		c_bias: { shape: [mid], values: values(mid) },
		sixth: { shape: [], values: [1 / 6] },
		three: { shape: [], values: [3] },
		s_kernel: { shape: [1, 1, mid, mid], values: values(mid * mid) },
		s_bias: { shape: [mid], values: values(mid) },
		shift: { shape: [mid], values: values(mid) },
		size: { shape: [2], values: [up, up] },
		t_shape: { shape: [4], values: [1, 2 * up, 2 * up, 1] },
		t_kernel: { shape: [2, 2, 1, mid], values: values(4 * mid) },
		t_bias: { shape: [1], values: values(1) },
	};
	const pool = { ...attrs(side, "VALID"), ksize: { list: { i: ["1", `${side}`, `${side}`, "1"] } } };
	const nodes: GraphNode[] = [
		...Object.keys(constants).map((name) => ({ name, op: "Const" })),
		placeholder(channels),
		{ name: "c", op: "Conv2D", input: ["input_1", "c_kernel"], attr: attrs(1, "SAME") },
		{ name: "c/bias", op: "Add", input: ["c", "c_bias"] },
		// Hard-swish: x · relu6(x + 3) / 6, the constants on either side as the graph has them.
		{ name: "hs/sixth", op: "Mul", input: ["sixth", "c/bias"] },
		{ name: "hs/add", op: "AddV2", input: ["c/bias", "three"] },
		{ name: "hs/relu6", op: "Relu6", input: ["hs/add"] },
		{ name: "hs", op: "Mul", input: ["hs/sixth", "hs/relu6"] },
		// Squeeze and excite: a whole-image average, a 1 × 1 conv, a sigmoid, times the image.
		{ name: "se/pool", op: "AvgPool", input: ["hs"], attr: pool },
		{ name: "se/conv", op: "Conv2D", input: ["se/pool", "s_kernel"], attr: attrs(1, "VALID") },
		{ name: "se/bias", op: "Add", input: ["se/conv", "s_bias"] },
		{ name: "se/sigmoid", op: "Sigmoid", input: ["se/bias"] },
		{ name: "se", op: "Mul", input: ["hs", "se/sigmoid"] },
		{ name: "sum", op: "AddN", input: ["se", "hs"], attr: { N: { i: "2" } } },
		{ name: "shifted", op: "AddV2", input: ["shift", "sum"] },
		{
			name: "up",
			op: "ResizeBilinear",
			input: ["shifted", "size"],
			attr: { half_pixel_centers: { b: true }, align_corners: { b: false } },
		},
		{ name: "t", op: "Conv2DBackpropInput", input: ["t_shape", "t_kernel", "up"], attr: attrs(2, "SAME") },
		{ name: "t/bias", op: "Add", input: ["t", "t_bias"] },
		{ name: "mask", op: "Sigmoid", input: ["t/bias"] },
	];
	const spec = {
		name: "selfie-like",
		nodes,
		constantOf: (name: string) => constants[name],
		outputs: ["mask"],
	};
	const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

	/** TF's bilinear resize with half-pixel centres: sample at (out + 0.5) · in / out − 0.5, clamped. */
	function resize(x: Image, h: number, w: number): Image {
		const sample = (o: number, from: number, to: number) => {
			const at = ((o + 0.5) * from) / to - 0.5;
			const low = Math.floor(at);
			return [Math.max(low, 0), Math.min(Math.ceil(at), from - 1), at - low] as const;
		};
		const data: number[] = [];
		for (let y = 0; y < h; y++)
			for (let xx = 0; xx < w; xx++)
				for (let c = 0; c < x.c; c++) {
					const [y0, y1, ly] = sample(y, x.h, h);
					const [x0, x1, lx] = sample(xx, x.w, w);
					const top = pixel(x, y0, x0, c) + (pixel(x, y0, x1, c) - pixel(x, y0, x0, c)) * lx;
					const bottom = pixel(x, y1, x0, c) + (pixel(x, y1, x1, c) - pixel(x, y1, x0, c)) * lx;
					data.push(top + (bottom - top) * ly);
				}
		return { data, h, w, c: x.c };
	}

	function reference(input: Image): number[] {
		const c = perChannel(
			conv(input, constants.c_kernel as GraphConstant, 1, "SAME"),
			(v, ch) => v + at(constants.c_bias, ch),
		);
		const hs = perChannel(c, (v) => (v / 6) * Math.min(6, Math.max(0, v + 3)));
		const mean = Array.from(
			{ length: mid },
			(_, ch) => hs.data.filter((_, i) => i % mid === ch).reduce((a, b) => a + b, 0) / (side * side),
		);
		const gate = Array.from({ length: mid }, (_, o) => {
			let sum = at(constants.s_bias, o);
			for (let i = 0; i < mid; i++) sum += (mean[i] ?? 0) * at(constants.s_kernel, i * mid + o);
			return sigmoid(sum);
		});
		const shifted = perChannel(hs, (v, ch) => v * (gate[ch] ?? 0) + v + at(constants.shift, ch));
		const upsampled = resize(shifted, up, up);
		const out: number[] = [];
		for (let y = 0; y < 2 * up; y++)
			for (let x = 0; x < 2 * up; x++) {
				let sum = at(constants.t_bias, 0);
				// HWOI kernel: each input pixel paints its own 2 × 2 block.
				for (let i = 0; i < mid; i++)
					sum +=
						pixel(upsampled, y >> 1, x >> 1, i) * at(constants.t_kernel, ((y % 2) * 2 + (x % 2)) * mid + i);
				out.push(sigmoid(sum));
			}
		return out;
	}

	it("computes what the graph means: hard-swish, squeeze-and-excite, AddN, half-pixel resize, transposed conv, an NHWC mask out", async () => {
		const input = randomImage(side, side, channels);
		const got = await run(tfjsToOnnx({ ...spec, inputSide: [side, side] }), input, "mask");
		const want = reference(input);
		expect(got.dims).toEqual([1, 2 * up, 2 * up, 1]);
		for (const [i, v] of want.entries()) expect(got.data[i]).toBeCloseTo(v, 5);
		// The mask varies: the resize and the transposed conv's four kernel taps all show.
		expect(Math.max(...want) - Math.min(...want)).toBeGreaterThan(0.05);
	});

	it("refuses a resize it does not convert and a transposed conv past its stride", () => {
		const corners = nodes.map((n) =>
			n.name === "up" ? { ...n, attr: { half_pixel_centers: { b: false }, align_corners: { b: true } } } : n,
		);
		expect(() => tfjsToOnnx({ ...spec, nodes: corners })).toThrow(/without half-pixel centres/);
		const wide: GraphConstant = { shape: [3, 3, 1, mid], values: values(9 * mid) };
		const constantOf = (name: string) => (name === "t_kernel" ? wide : constants[name]);
		expect(() => tfjsToOnnx({ ...spec, constantOf })).toThrow(/transposed convolution by its own stride/);
	});
});

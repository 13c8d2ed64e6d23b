import { buildOnnxModel, newNode, type OnnxInitializer, type OnnxNode } from "../onnx/onnx-graph.ts";

/**
 * faceres (human's face descriptor: a Keras MobileNet v1 in a tfjs graph) as an ONNX model, so
 * onnxruntime runs it natively rather than tfjs on WebAssembly. Measured here, one thread, 224 px:
 * ≈ 46 ms per face on tfjs-wasm (SIMD, with its elementwise chains fused), ≈ 12 ms on
 * onnxruntime (AVX-512), the same descriptor (cosine > 0.9999, local-faces.test.ts).
 * The conversion covers exactly the ops on the way to the descriptor (`global_pooling/Mean`):
 * the age and gender heads are left out, and any other op is an error rather than a guess.
 * - the NHWC input goes through one Transpose to onnxruntime's NCHW;
 * - Conv2D and DepthwiseConv2dNative (kernels HWIO and HWCM) become Conv (OIHW, group C for
 *   depthwise), TF's SAME padding onnx's SAME_UPPER (the odd pixel at the end, like TF);
 * - the batch norm spelled as Mul/Add by a per-channel constant folds into the Conv's weights
 *   and bias, and Relu → Minimum(6) → Maximum(0) becomes one Clip(0, 6), which onnxruntime
 *   fuses into the Conv;
 * - Mean over height and width is GlobalAveragePool + Flatten.
 */

/** A node of a tfjs graph model (model.json), as far as the conversion reads it. */
export interface GraphNode {
	name: string;
	op: string;
	input?: string[];
	attr?: Record<string, unknown>;
}

export interface GraphConstant {
	shape: readonly number[];
	values: ArrayLike<number>;
}

/** The descriptor output of faceres, [1, 1024]. */
export const faceresDescriptorOutput = "global_pooling/Mean";

export type ConstantOf = (name: string) => GraphConstant | undefined;

interface ConvWeights {
	node: OnnxNode;
	/** OIHW: [output channels, input channels per group, kernel height, kernel width]. */
	dims: [number, number, number, number];
	weight: Float32Array;
	bias: Float32Array;
}

function perOutput(conv: ConvWeights): number {
	return conv.dims[1] * conv.dims[2] * conv.dims[3];
}

function listAttr(n: GraphNode, key: string): number[] {
	const attr = n.attr?.[key] as { list?: { i?: string[] } } | undefined;
	return (attr?.list?.i ?? []).map(Number);
}

function stringAttr(n: GraphNode, key: string): string | null {
	const attr = n.attr?.[key] as { s?: string } | undefined;
	return attr?.s === undefined ? null : Buffer.from(attr.s, "base64").toString("latin1");
}

function inputName(input: string): string {
	return input.replace(/^\^/, "").replace(/:0$/, "");
}

/** The nodes `output` depends on, in the graph's (topological) order. */
function needed(nodes: readonly GraphNode[], output: string): GraphNode[] {
	const byName = new Map(nodes.map((n) => [n.name, n]));
	const keep = new Set<string>();
	const visit = (name: string) => {
		if (keep.has(name)) return;
		keep.add(name);
		for (const input of byName.get(name)?.input ?? []) visit(inputName(input));
	};
	visit(output);
	return nodes.filter((n) => keep.has(n.name));
}

export function faceresToOnnx(nodes: readonly GraphNode[], constantOf: ConstantOf): Uint8Array {
	const graph = needed(nodes, faceresDescriptorOutput);
	const readers = new Map<string, number>();
	for (const n of graph)
		for (const input of n.input ?? [])
			readers.set(inputName(input), (readers.get(inputName(input)) ?? 0) + 1);
	const byName = new Map(graph.map((n) => [n.name, n]));
	const onlyReaderOf = (name: string): GraphNode | undefined => {
		if (readers.get(name) !== 1) return undefined;
		return graph.find((n) => (n.input ?? []).some((input) => inputName(input) === name));
	};
	const scalarOf = (name: string | undefined): number | null => {
		const value = name === undefined ? undefined : constantOf(inputName(name));
		return value && value.values.length === 1 ? (value.values[0] ?? null) : null;
	};

	const out: OnnxNode[] = [];
	const convolutions: ConvWeights[] = [];
	/** The convolution whose output each value still is, so a batch norm on it can fold in. */
	const convOf = new Map<string, ConvWeights>();
	const skipped = new Set<string>();
	/** The onnx value holding each tfjs node's output. */
	const value = new Map<string, string>();
	let inputSpec: { name: string; dims: (number | string)[] } | null = null;
	const source = (n: GraphNode, i = 0): string => {
		const name = inputName(n.input?.[i] ?? "");
		const onnx = value.get(name);
		if (!onnx) throw new Error(`faceres → onnx: ${n.name} reads ${name}, which has no value`);
		return onnx;
	};

	for (const n of graph) {
		if (skipped.has(n.name)) continue;
		switch (n.op) {
			case "Const":
				break;
			case "Placeholder": {
				const dims = (n.attr?.shape as { shape?: { dim?: { size: string }[] } } | undefined)?.shape?.dim;
				const channels = Number(dims?.at(-1)?.size);
				if (dims?.length !== 4 || !(channels > 0))
					throw new Error(`faceres → onnx: input ${n.name} is no NHWC image`);
				// Height and width stay open: the graph pools globally, any side runs.
				inputSpec = { name: "input", dims: [1, "height", "width", channels] };
				out.push(
					newNode("Transpose", "input_nchw", ["input"], ["input_nchw"], { perm: { ints: [0, 3, 1, 2] } }),
				);
				value.set(n.name, "input_nchw");
				break;
			}
			case "Conv2D":
			case "DepthwiseConv2dNative": {
				const kernel = constantOf(inputName(n.input?.[1] ?? ""));
				const [kh = 0, kw = 0, ci = 0, co = 0] = kernel?.shape ?? [];
				if (kernel?.shape.length !== 4) throw new Error(`faceres → onnx: ${n.name} has no 4-d kernel`);
				if (stringAttr(n, "data_format") !== "NHWC") throw new Error(`faceres → onnx: ${n.name} is not NHWC`);
				const depthwise = n.op === "DepthwiseConv2dNative";
				const outChannels = depthwise ? ci * co : co;
				const dims: ConvWeights["dims"] = [outChannels, depthwise ? 1 : ci, kh, kw];
				const weight = new Float32Array(outChannels * dims[1] * kh * kw);
				for (let h = 0; h < kh; h++)
					for (let w = 0; w < kw; w++)
						for (let i = 0; i < ci; i++)
							for (let o = 0; o < co; o++) {
								const from = ((h * kw + w) * ci + i) * co + o;
								// OIHW; a depthwise kernel's (channel i, multiplier o) is output i·M + o of group i.
								const to = depthwise ? ((i * co + o) * kh + h) * kw + w : ((o * ci + i) * kh + h) * kw + w;
								weight[to] = kernel.values[from] ?? 0;
							}
				const [, sh = 1, sw = 1] = listAttr(n, "strides");
				const [, dh = 1, dw = 1] = listAttr(n, "dilations");
				const padding = stringAttr(n, "padding");
				if (padding !== "SAME" && padding !== "VALID")
					throw new Error(`faceres → onnx: ${n.name} padding ${padding}`);
				const node = newNode("Conv", n.name, [source(n), `${n.name}.weight`, `${n.name}.bias`], [n.name], {
					kernel_shape: { ints: [kh, kw] },
					strides: { ints: [sh, sw] },
					dilations: { ints: [dh, dw] },
					group: { i: depthwise ? ci : 1 },
					auto_pad: { s: padding === "SAME" ? "SAME_UPPER" : "VALID" },
				});
				out.push(node);
				const conv: ConvWeights = { node, dims, weight, bias: new Float32Array(outChannels) };
				convolutions.push(conv);
				convOf.set(n.name, conv);
				value.set(n.name, n.name);
				break;
			}
			case "Mul":
			case "Add": {
				// A per-channel constant on a convolution nobody else reads: the batch norm.
				const from = inputName(n.input?.[0] ?? "");
				const conv = convOf.get(from);
				const constant = constantOf(inputName(n.input?.[1] ?? ""));
				const channels = conv?.bias.length ?? 0;
				if (!conv || readers.get(from) !== 1 || !constant || constant.values.length !== channels)
					throw new Error(`faceres → onnx: ${n.name} (${n.op}) is not a batch norm on a convolution`);
				for (let o = 0; o < channels; o++) {
					const c = constant.values[o] ?? 0;
					if (n.op === "Mul") {
						const size = perOutput(conv);
						for (let k = o * size; k < (o + 1) * size; k++) conv.weight[k] = (conv.weight[k] ?? 0) * c;
						conv.bias[o] = (conv.bias[o] ?? 0) * c;
					} else conv.bias[o] = (conv.bias[o] ?? 0) + c;
				}
				convOf.delete(from);
				convOf.set(n.name, conv);
				conv.node.outputs = [n.name];
				value.set(n.name, n.name);
				break;
			}
			case "Relu": {
				const minimum = onlyReaderOf(n.name);
				const maximum = minimum && onlyReaderOf(minimum.name);
				if (
					minimum?.op !== "Minimum" ||
					maximum?.op !== "Maximum" ||
					scalarOf(minimum.input?.[1]) !== 6 ||
					scalarOf(maximum.input?.[1]) !== 0
				)
					throw new Error(`faceres → onnx: ${n.name} is not a ReLU6`);
				out.push(newNode("Clip", maximum.name, [source(n), "relu6.min", "relu6.max"], [maximum.name]));
				skipped.add(minimum.name);
				skipped.add(maximum.name);
				value.set(maximum.name, maximum.name);
				break;
			}
			case "Mean": {
				const axes = constantOf(inputName(n.input?.[1] ?? ""))?.values;
				if (!axes || Array.from(axes).join() !== "1,2")
					throw new Error(`faceres → onnx: ${n.name} is not a spatial mean`);
				out.push(newNode("GlobalAveragePool", `${n.name}.pool`, [source(n)], [`${n.name}.pool`]));
				out.push(newNode("Flatten", n.name, [`${n.name}.pool`], [n.name]));
				value.set(n.name, n.name);
				break;
			}
			default:
				throw new Error(`faceres → onnx: op ${n.op} (${n.name}) is not converted`);
		}
	}
	if (!inputSpec || !byName.has(faceresDescriptorOutput))
		throw new Error("faceres → onnx: no input or no descriptor");
	const initializers: OnnxInitializer[] = [
		{ name: "relu6.min", dims: [], values: Float32Array.of(0) },
		{ name: "relu6.max", dims: [], values: Float32Array.of(6) },
	];
	for (const conv of convolutions) {
		const [, weightName = "", biasName = ""] = conv.node.inputs;
		initializers.push(
			{ name: weightName, dims: conv.dims, values: conv.weight },
			{ name: biasName, dims: [conv.dims[0]], values: conv.bias },
		);
	}
	return buildOnnxModel({
		name: "faceres",
		opset: 13,
		nodes: out,
		initializers,
		inputs: [inputSpec],
		outputs: [{ name: faceresDescriptorOutput, dims: [1, "features"] }],
	});
}

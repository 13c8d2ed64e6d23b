import { buildOnnxModel, newNode, type OnnxInitializer, type OnnxNode } from "./onnx-graph.ts";
import type { ConstantOf, GraphConstant, GraphNode } from "./tfjs-graph.ts";

/**
 * A tfjs graph model (human's faceres and blazeface, human-models' selfie) as an ONNX model, so
 * onnxruntime runs it natively rather than tfjs on WebAssembly: faceres went from ≈ 46 to ≈ 12 ms
 * per face, blazeface from ≈ 22 to ≈ 6 ms per photo, selfie from ≈ 18 to ≈ 3 (one thread). The
 * conversion covers exactly the ops on the way to the requested outputs, and any other op is an
 * error rather than a guess:
 * - the NHWC input goes through one Transpose to onnxruntime's NCHW; every image-shaped value
 *   inside stays NCHW;
 * - Conv2D, DepthwiseConv2dNative and _FusedConv2D (kernels HWIO and HWCM) become Conv (OIHW,
 *   group C for depthwise), TF's SAME padding onnx's SAME_UPPER (the odd pixel at the end, as TF);
 *   a fused BiasAdd is the Conv's bias, a fused Relu a Relu after it;
 * - a batch norm spelled as Mul/Add by a per-channel constant folds into the Conv's weights and
 *   bias, and Relu → Minimum(6) → Maximum(0) becomes one Clip(0, 6); onnxruntime fuses both
 *   activations (and a residual Add before a Relu) into the Conv;
 * - Add, AddV2 and Mul of two values are Add and Mul (a residual sum, a squeeze-and-excite
 *   product), AddN is Sum; by any other constant, a scalar or one value per channel, they are
 *   the op by that constant (hard-swish's 3 and 1/6); Relu6 is Clip(0, 6), Sigmoid is Sigmoid;
 * - MaxPool and AvgPool are MaxPool and AveragePool; Pad's NHWC paddings are reordered to NCHW;
 * - ResizeBilinear with half-pixel centres is Resize (linear, half_pixel); Conv2DBackpropInput
 *   with a kernel the size of its stride is ConvTranspose;
 * - Reshape reads its input in TF's NHWC order, so an image-shaped input is transposed back first;
 * - Mean over height and width is GlobalAveragePool + Flatten; Identity is a name;
 * - an image-shaped output (a mask) is transposed back to NHWC.
 */

export interface TfjsToOnnxSpec {
	name: string;
	nodes: readonly GraphNode[];
	constantOf: ConstantOf;
	/** The tfjs nodes whose values are the model's outputs (the ONNX outputs keep their names). */
	outputs: readonly string[];
	/** Height and width of the input as the model is run; null leaves them open. */
	inputSide?: readonly [number, number] | null;
}

interface ConvWeights {
	node: OnnxNode;
	/** OIHW: [output channels, input channels per group, kernel height, kernel width]. */
	dims: [number, number, number, number];
	weight: Float32Array;
	bias: Float32Array;
}

function listAttr(n: GraphNode, key: string): number[] {
	const attr = n.attr?.[key] as { list?: { i?: string[] } } | undefined;
	return (attr?.list?.i ?? []).map(Number);
}

function stringAttr(n: GraphNode, key: string): string | null {
	const attr = n.attr?.[key] as { s?: string } | undefined;
	return attr?.s === undefined ? null : Buffer.from(attr.s, "base64").toString("latin1");
}

function stringsAttr(n: GraphNode, key: string): string[] {
	const attr = n.attr?.[key] as { list?: { s?: string[] } } | undefined;
	return (attr?.list?.s ?? []).map((s) => Buffer.from(s, "base64").toString("latin1"));
}

function inputName(input: string): string {
	return input.replace(/^\^/, "").replace(/:0$/, "");
}

/** The nodes the outputs depend on, in the graph's (topological) order. */
function needed(nodes: readonly GraphNode[], outputs: readonly string[]): GraphNode[] {
	const byName = new Map(nodes.map((n) => [n.name, n]));
	const keep = new Set<string>();
	const visit = (name: string) => {
		if (keep.has(name)) return;
		keep.add(name);
		for (const input of byName.get(name)?.input ?? []) visit(inputName(input));
	};
	for (const output of outputs) {
		if (!byName.has(output)) throw new Error(`tfjs → onnx: the graph has no node ${output}`);
		visit(output);
	}
	return nodes.filter((n) => keep.has(n.name));
}

/** TF's SAME or VALID as onnx's auto_pad. */
function autoPad(n: GraphNode): { s: string } {
	const padding = stringAttr(n, "padding");
	if (padding !== "SAME" && padding !== "VALID") throw new Error(`tfjs → onnx: ${n.name} padding ${padding}`);
	return { s: padding === "SAME" ? "SAME_UPPER" : "VALID" };
}

function int64s(values: ArrayLike<number>): BigInt64Array {
	return BigInt64Array.from(Array.from(values), (v) => BigInt(v));
}

export function tfjsToOnnx(spec: TfjsToOnnxSpec): Uint8Array {
	const { constantOf } = spec;
	const graph = needed(spec.nodes, spec.outputs);
	const readers = new Map<string, number>();
	for (const n of graph)
		for (const input of n.input ?? [])
			readers.set(inputName(input), (readers.get(inputName(input)) ?? 0) + 1);
	const onlyReaderOf = (name: string): GraphNode | undefined => {
		if (readers.get(name) !== 1) return undefined;
		return graph.find((n) => (n.input ?? []).some((input) => inputName(input) === name));
	};
	const scalarOf = (name: string | undefined): number | null => {
		const value = name === undefined ? undefined : constantOf(inputName(name));
		return value && value.values.length === 1 ? (value.values[0] ?? null) : null;
	};
	const constantInput = (n: GraphNode, i: number) => {
		const found = constantOf(inputName(n.input?.[i] ?? ""));
		if (!found) throw new Error(`tfjs → onnx: ${n.name} (${n.op}) input ${i} is no constant`);
		return found;
	};

	const out: OnnxNode[] = [];
	const initializers: OnnxInitializer[] = [];
	const convolutions: ConvWeights[] = [];
	/** The convolution whose output each value still is, so a batch norm on it can fold in. */
	const convOf = new Map<string, ConvWeights>();
	const skipped = new Set<string>();
	/** The onnx value holding each tfjs node's output, and whether it is an NCHW image. */
	const value = new Map<string, { name: string; image: boolean }>();
	let inputSpec: { name: string; dims: (number | string)[] } | null = null;
	const source = (n: GraphNode, i = 0) => {
		const name = inputName(n.input?.[i] ?? "");
		const found = value.get(name);
		if (!found) throw new Error(`tfjs → onnx: ${n.name} reads ${name}, which has no value`);
		return found;
	};
	const emit = (n: GraphNode, node: OnnxNode, image: boolean) => {
		out.push(node);
		value.set(n.name, { name: node.outputs[0] ?? n.name, image });
	};

	const convolution = (n: GraphNode) => {
		const kernel = constantInput(n, 1);
		const [kh = 0, kw = 0, ci = 0, co = 0] = kernel.shape;
		if (kernel.shape.length !== 4) throw new Error(`tfjs → onnx: ${n.name} has no 4-d kernel`);
		if (stringAttr(n, "data_format") !== "NHWC") throw new Error(`tfjs → onnx: ${n.name} is not NHWC`);
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
		const bias = new Float32Array(outChannels);
		let relu = false;
		if (n.op === "_FusedConv2D") {
			const fused = stringsAttr(n, "fused_ops");
			if (fused[0] !== "BiasAdd" || fused.length > 2 || (fused[1] !== undefined && fused[1] !== "Relu"))
				throw new Error(`tfjs → onnx: ${n.name} fuses ${fused.join(", ")}`);
			const added = constantInput(n, 2);
			if (added.values.length !== outChannels) throw new Error(`tfjs → onnx: ${n.name} bias size`);
			bias.set(Array.from(added.values));
			relu = fused[1] === "Relu";
		}
		const [, sh = 1, sw = 1] = listAttr(n, "strides");
		const [, dh = 1, dw = 1] = listAttr(n, "dilations");
		const convName = relu ? `${n.name}/conv` : n.name;
		const node = newNode(
			"Conv",
			convName,
			[source(n).name, `${n.name}.weight`, `${n.name}.bias`],
			[convName],
			{
				kernel_shape: { ints: [kh, kw] },
				strides: { ints: [sh, sw] },
				dilations: { ints: [dh, dw] },
				group: { i: depthwise ? ci : 1 },
				auto_pad: autoPad(n),
			},
		);
		const conv: ConvWeights = { node, dims, weight, bias };
		convolutions.push(conv);
		if (relu) {
			out.push(node);
			emit(n, newNode("Relu", n.name, [convName], [n.name]), true);
		} else {
			emit(n, node, true);
			convOf.set(n.name, conv);
		}
	};

	/** A constant whose values all lie along its last axis (TF broadcasts it over the channels). */
	const oneAxis = (constant: GraphConstant) => constant.shape.at(-1) === constant.values.length;
	/** A batch norm's Mul or Add by a per-channel constant, folded into the convolution before it. */
	const foldIntoConv = (conv: ConvWeights, n: GraphNode, constant: GraphConstant) => {
		const from = conv.node.outputs[0] ?? "";
		for (let o = 0; o < conv.bias.length; o++) {
			const c = constant.values[o] ?? 0;
			if (n.op === "Mul") {
				const size = conv.dims[1] * conv.dims[2] * conv.dims[3];
				for (let k = o * size; k < (o + 1) * size; k++) conv.weight[k] = (conv.weight[k] ?? 0) * c;
				conv.bias[o] = (conv.bias[o] ?? 0) * c;
			} else conv.bias[o] = (conv.bias[o] ?? 0) + c;
		}
		convOf.delete(from);
		convOf.set(n.name, conv);
		conv.node.outputs = [n.name];
		value.set(n.name, { name: n.name, image: true });
	};
	/** A constant operand of an elementwise op: a scalar, or one value per channel of an NCHW image. */
	const constantOperand = (n: GraphNode, constant: GraphConstant, image: boolean): string => {
		const count = constant.values.length;
		const perChannel = image && oneAxis(constant);
		if (count !== 1 && !perChannel)
			throw new Error(`tfjs → onnx: ${n.name} (${n.op}) by a constant of shape ${constant.shape.join("×")}`);
		const name = `${n.name}.constant`;
		initializers.push({
			name,
			dims: count === 1 ? [] : [1, count, 1, 1],
			values: Float32Array.from(constant.values),
		});
		return name;
	};
	/**
	 * ResizeBilinear to a constant height and width: onnx's Resize (linear) to sizes made of the
	 * input's own batch and channels and those two. Only TF's half-pixel centres (onnx's
	 * half_pixel; both clamp at the edges), the one spelling the models use and the tests check.
	 */
	const resizeBilinear = (n: GraphNode) => {
		const size = constantInput(n, 1);
		const from = source(n);
		if (!from.image || size.values.length !== 2)
			throw new Error(`tfjs → onnx: ${n.name} is not a resize of an image`);
		const flag = (key: string) => (n.attr?.[key] as { b?: boolean } | undefined)?.b === true;
		if (flag("align_corners") || !flag("half_pixel_centers"))
			throw new Error(`tfjs → onnx: ${n.name} resizes without half-pixel centres`);
		const [shape, batchChannels, sizes] = [`${n.name}/shape`, `${n.name}/nc`, `${n.name}/sizes`];
		initializers.push(
			{ name: `${n.name}.start`, dims: [1], values: int64s([0]) },
			{ name: `${n.name}.end`, dims: [1], values: int64s([2]) },
			{ name: `${n.name}.hw`, dims: [2], values: int64s(size.values) },
		);
		out.push(
			newNode("Shape", shape, [from.name], [shape]),
			newNode("Slice", batchChannels, [shape, `${n.name}.start`, `${n.name}.end`], [batchChannels]),
			newNode("Concat", sizes, [batchChannels, `${n.name}.hw`], [sizes], { axis: { i: 0 } }),
		);
		emit(
			n,
			newNode("Resize", n.name, [from.name, "", "", sizes], [n.name], {
				mode: { s: "linear" },
				coordinate_transformation_mode: { s: "half_pixel" },
			}),
			true,
		);
	};
	/**
	 * Conv2DBackpropInput (a transposed convolution; inputs: output shape, HWOI kernel, value) as
	 * ConvTranspose (IOHW). Only a kernel the size of its stride (selfie's 2 × 2 upsampling): each
	 * input pixel then paints its own block and SAME and VALID crop nothing.
	 */
	const transposedConvolution = (n: GraphNode) => {
		const kernel = constantInput(n, 1);
		const [kh = 0, kw = 0, co = 0, ci = 0] = kernel.shape;
		const [, sh = 1, sw = 1] = listAttr(n, "strides");
		const from = source({ ...n, input: [n.input?.[2] ?? ""] });
		if (kernel.shape.length !== 4 || !from.image || kh !== sh || kw !== sw)
			throw new Error(`tfjs → onnx: ${n.name} is not a transposed convolution by its own stride`);
		const weight = new Float32Array(ci * co * kh * kw);
		for (let h = 0; h < kh; h++)
			for (let w = 0; w < kw; w++)
				for (let o = 0; o < co; o++)
					for (let i = 0; i < ci; i++)
						weight[((i * co + o) * kh + h) * kw + w] = kernel.values[((h * kw + w) * co + o) * ci + i] ?? 0;
		initializers.push({ name: `${n.name}.weight`, dims: [ci, co, kh, kw], values: weight });
		emit(
			n,
			newNode("ConvTranspose", n.name, [from.name, `${n.name}.weight`], [n.name], {
				kernel_shape: { ints: [kh, kw] },
				strides: { ints: [sh, sw] },
			}),
			true,
		);
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
					throw new Error(`tfjs → onnx: input ${n.name} is no NHWC image`);
				const [height, width] = spec.inputSide ?? ["height", "width"];
				inputSpec = { name: "input", dims: [1, height, width, channels] };
				out.push(
					newNode("Transpose", "input_nchw", ["input"], ["input_nchw"], { perm: { ints: [0, 3, 1, 2] } }),
				);
				value.set(n.name, { name: "input_nchw", image: true });
				break;
			}
			case "Conv2D":
			case "DepthwiseConv2dNative":
			case "_FusedConv2D":
				convolution(n);
				break;
			case "AddV2":
			case "Add":
			case "Mul": {
				const constants = [0, 1].map((i) => constantOf(inputName(n.input?.[i] ?? "")));
				const at = constants[1] ? 1 : constants[0] ? 0 : -1;
				const constant = constants[at];
				if (!constant) {
					// Two values: a residual sum, or a squeeze-and-excite product (per-channel
					// [1, C, 1, 1] times the image, which onnx broadcasts as tfjs does in NHWC).
					const [a, b] = [source(n, 0), source(n, 1)];
					if (a.image !== b.image) throw new Error(`tfjs → onnx: ${n.name} mixes an image and a non-image`);
					emit(n, newNode(n.op === "Mul" ? "Mul" : "Add", n.name, [a.name, b.name], [n.name]), a.image);
					break;
				}
				const from = inputName(n.input?.[1 - at] ?? "");
				// A per-channel constant on a convolution nobody else reads: the batch norm.
				const conv = convOf.get(from);
				if (
					conv &&
					readers.get(from) === 1 &&
					constant.values.length === conv.bias.length &&
					oneAxis(constant)
				) {
					foldIntoConv(conv, n, constant);
					break;
				}
				// Anything else (hard-swish's scalars, a bias after a sum): the op by the constant.
				const x = source(n, 1 - at);
				const operand = constantOperand(n, constant, x.image);
				emit(n, newNode(n.op === "Mul" ? "Mul" : "Add", n.name, [x.name, operand], [n.name]), x.image);
				break;
			}
			case "AddN": {
				const inputs = (n.input ?? []).map((_, i) => source(n, i));
				if (inputs.some((input) => input.image !== inputs[0]?.image))
					throw new Error(`tfjs → onnx: ${n.name} mixes an image and a non-image`);
				emit(
					n,
					newNode(
						"Sum",
						n.name,
						inputs.map((input) => input.name),
						[n.name],
					),
					inputs[0]?.image ?? false,
				);
				break;
			}
			case "Relu6": {
				const from = source(n);
				emit(n, newNode("Clip", n.name, [from.name, "relu6.min", "relu6.max"], [n.name]), from.image);
				break;
			}
			case "Sigmoid": {
				const from = source(n);
				emit(n, newNode("Sigmoid", n.name, [from.name], [n.name]), from.image);
				break;
			}
			case "ResizeBilinear":
				resizeBilinear(n);
				break;
			case "Conv2DBackpropInput":
				transposedConvolution(n);
				break;
			case "Relu": {
				const minimum = onlyReaderOf(n.name);
				const maximum = minimum && onlyReaderOf(minimum.name);
				const from = source(n);
				if (minimum?.op === "Minimum" || maximum?.op === "Maximum") {
					if (
						minimum?.op !== "Minimum" ||
						maximum?.op !== "Maximum" ||
						scalarOf(minimum.input?.[1]) !== 6 ||
						scalarOf(maximum.input?.[1]) !== 0
					)
						throw new Error(`tfjs → onnx: ${n.name} is not a ReLU6`);
					out.push(newNode("Clip", maximum.name, [from.name, "relu6.min", "relu6.max"], [maximum.name]));
					skipped.add(minimum.name);
					skipped.add(maximum.name);
					value.set(maximum.name, { name: maximum.name, image: from.image });
				} else emit(n, newNode("Relu", n.name, [from.name], [n.name]), from.image);
				break;
			}
			case "MaxPool":
			case "AvgPool": {
				const [, kh = 1, kw = 1] = listAttr(n, "ksize");
				const [, sh = 1, sw = 1] = listAttr(n, "strides");
				if (stringAttr(n, "data_format") !== "NHWC") throw new Error(`tfjs → onnx: ${n.name} is not NHWC`);
				emit(
					n,
					// TF's average leaves SAME's padding out of the count, as onnx's default does.
					newNode(n.op === "MaxPool" ? "MaxPool" : "AveragePool", n.name, [source(n).name], [n.name], {
						kernel_shape: { ints: [kh, kw] },
						strides: { ints: [sh, sw] },
						auto_pad: autoPad(n),
					}),
					true,
				);
				break;
			}
			case "Pad": {
				const paddings = constantInput(n, 1);
				const from = source(n);
				if (!from.image || paddings.shape.join() !== "4,2")
					throw new Error(`tfjs → onnx: ${n.name} is not a pad of an image`);
				const p = Array.from(paddings.values);
				// NHWC [[n0, n1], [h0, h1], [w0, w1], [c0, c1]] → onnx's NCHW starts then ends.
				const at = (axis: number, end: number) => p[axis * 2 + end] ?? 0;
				const nchw = [0, 3, 1, 2];
				const pads = [...nchw.map((axis) => at(axis, 0)), ...nchw.map((axis) => at(axis, 1))];
				initializers.push({ name: `${n.name}.pads`, dims: [8], values: int64s(pads) });
				emit(n, newNode("Pad", n.name, [from.name, `${n.name}.pads`], [n.name]), true);
				break;
			}
			case "Reshape": {
				const shape = constantInput(n, 1);
				let from = source(n);
				if (from.image) {
					const nhwc = `${n.name}/nhwc`;
					out.push(newNode("Transpose", nhwc, [from.name], [nhwc], { perm: { ints: [0, 2, 3, 1] } }));
					from = { name: nhwc, image: false };
				}
				initializers.push({
					name: `${n.name}.shape`,
					dims: [shape.values.length],
					values: int64s(shape.values),
				});
				emit(n, newNode("Reshape", n.name, [from.name, `${n.name}.shape`], [n.name]), false);
				break;
			}
			case "Identity":
				value.set(n.name, source(n));
				break;
			case "Mean": {
				const axes = constantInput(n, 1).values;
				if (Array.from(axes).join() !== "1,2" || !source(n).image)
					throw new Error(`tfjs → onnx: ${n.name} is not a spatial mean`);
				out.push(newNode("GlobalAveragePool", `${n.name}.pool`, [source(n).name], [`${n.name}.pool`]));
				emit(n, newNode("Flatten", n.name, [`${n.name}.pool`], [n.name]), false);
				break;
			}
			default:
				throw new Error(`tfjs → onnx: op ${n.op} (${n.name}) is not converted`);
		}
	}
	if (!inputSpec) throw new Error("tfjs → onnx: the graph has no input");
	// Graph outputs carry the tfjs names: an Identity's value is renamed to its own name.
	// An image-shaped output (a segmentation mask) goes back to TF's NHWC under its own name.
	const outputs = spec.outputs.map((name) => {
		const found = value.get(name);
		if (!found) throw new Error(`tfjs → onnx: output ${name} has no value`);
		if (found.image) {
			const nchw = `${name}/nchw`;
			for (const node of out) {
				node.outputs = node.outputs.map((o) => (o === found.name ? nchw : o));
				node.inputs = node.inputs.map((i) => (i === found.name ? nchw : i));
			}
			out.push(newNode("Transpose", `${name}/nhwc`, [nchw], [name], { perm: { ints: [0, 2, 3, 1] } }));
		} else if (found.name !== name) out.push(newNode("Identity", name, [found.name], [name]));
		return { name, dims: null };
	});
	if (out.some((node) => node.op === "Clip"))
		initializers.push(
			{ name: "relu6.min", dims: [], values: Float32Array.of(0) },
			{ name: "relu6.max", dims: [], values: Float32Array.of(6) },
		);
	for (const conv of convolutions) {
		const [, weightName = "", biasName = ""] = conv.node.inputs;
		initializers.push(
			{ name: weightName, dims: conv.dims, values: conv.weight },
			{ name: biasName, dims: [conv.dims[0]], values: conv.bias },
		);
	}
	return buildOnnxModel({
		name: spec.name,
		opset: 13,
		nodes: out,
		initializers,
		inputs: [inputSpec],
		outputs,
	});
}

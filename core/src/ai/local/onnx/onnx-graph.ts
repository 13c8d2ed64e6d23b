import {
	bytesField,
	bytesOf,
	floatField,
	floatOf,
	integersOf,
	messageField,
	readFields,
	stringField,
	stringOf,
	varintField,
	type WireField,
	writeFields,
} from "./protobuf-wire.ts";

// Field numbers of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto).
const model = { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8 } as const;
const graph = { node: 1, name: 2, initializer: 5, input: 11, output: 12 } as const;
const valueInfo = { name: 1, type: 2 } as const;
const typeProto = { tensorType: 1 } as const;
const tensorType = { elemType: 1, shape: 2 } as const;
const tensorShape = { dim: 1 } as const;
const dimension = { value: 1, param: 2 } as const;
const opsetId = { domain: 1, version: 2 } as const;
const node = { input: 1, output: 2, name: 3, opType: 4, attribute: 5 } as const;
const attribute = { name: 1, f: 2, i: 3, s: 4, t: 5, ints: 8, type: 20 } as const;
const attributeType = { float: 1, int: 2, string: 3, tensor: 4, ints: 7 } as const;
const tensor = { dims: 1, dataType: 2, name: 8, rawData: 9 } as const;
const floatType = 1n;
const int64Type = 7n;

export interface OnnxNode {
	op: string;
	inputs: string[];
	outputs: string[];
	/** The node's own fields (name, op type, attributes, …) but its inputs and outputs. */
	rest: WireField[];
}

/** A float tensor held by a Constant node, as a copy that `setConstant` writes back. */
export interface FloatConstant {
	dims: number[];
	values: Float32Array;
}

/**
 * An ONNX model's graph as a list of nodes that rewrites can change: rename inputs and
 * outputs, remove nodes, insert new ones, replace a Constant's values. Everything else in the
 * file (initialisers, opsets, metadata, attributes) is carried over as read.
 */
export class OnnxGraph {
	nodes: OnnxNode[];
	private readonly modelFields: WireField[];
	private readonly graphFields: WireField[];
	private readonly graphOutputs: Set<string>;

	private constructor(modelFields: WireField[], graphFields: WireField[]) {
		this.modelFields = modelFields;
		this.graphFields = graphFields;
		this.nodes = graphFields
			.filter((field) => field.no === graph.node)
			.map((field) => {
				const fields = readFields(bytesOf(field) ?? new Uint8Array());
				return {
					op: stringOf(fields.find((f) => f.no === node.opType)) ?? "",
					inputs: fields.filter((f) => f.no === node.input).map((f) => stringOf(f) ?? ""),
					outputs: fields.filter((f) => f.no === node.output).map((f) => stringOf(f) ?? ""),
					rest: fields.filter((f) => f.no !== node.input && f.no !== node.output),
				};
			});
		this.graphOutputs = new Set(
			graphFields
				.filter((field) => field.no === graph.output)
				.map(
					(field) =>
						stringOf(readFields(bytesOf(field) ?? new Uint8Array()).find((f) => f.no === valueInfo.name)) ??
						"",
				),
		);
	}

	static read(bytes: Uint8Array): OnnxGraph {
		const modelFields = readFields(bytes);
		const graphField = bytesOf(modelFields.find((field) => field.no === model.graph));
		if (!graphField) throw new Error("ONNX: the model has no graph");
		return new OnnxGraph(modelFields, readFields(graphField));
	}

	write(): Uint8Array {
		const nodeFields = this.nodes.map(nodeField);
		const graphBytes = writeFields([
			...nodeFields,
			...this.graphFields.filter((field) => field.no !== graph.node),
		]);
		return writeFields(
			this.modelFields.map((field) =>
				field.no === model.graph ? bytesField(model.graph, graphBytes) : field,
			),
		);
	}

	producer(name: string): OnnxNode | undefined {
		return this.nodes.find((n) => n.outputs.includes(name));
	}

	/** The nodes reading `name`; a graph output counts as one more reader that is no node. */
	readers(name: string): { nodes: OnnxNode[]; graphOutput: boolean } {
		return {
			nodes: this.nodes.filter((n) => n.inputs.includes(name)),
			graphOutput: this.graphOutputs.has(name),
		};
	}

	/** The one node reading `name`, when exactly one does and it is no graph output. */
	onlyReader(name: string): OnnxNode | null {
		const { nodes, graphOutput } = this.readers(name);
		return nodes.length === 1 && !graphOutput ? (nodes[0] ?? null) : null;
	}

	/** A Constant node's float tensor stored as raw data; null for anything else. */
	constant(name: string): FloatConstant | null {
		const tensorFields = this.constantTensor(name);
		if (!tensorFields || tensorFields.find((f) => f.no === tensor.dataType)?.value !== floatType) return null;
		const raw = bytesOf(tensorFields.find((f) => f.no === tensor.rawData));
		if (!raw || raw.length % 4 !== 0) return null;
		// A copy: the file's bytes need not be 4-aligned.
		return {
			dims: integersOf(tensorFields, tensor.dims),
			values: new Float32Array(Uint8Array.from(raw).buffer),
		};
	}

	/** A float scalar (any shape holding one value) from a Constant node. */
	scalar(name: string | undefined): number | null {
		const found = name === undefined ? null : this.constant(name);
		return found && found.values.length === 1 ? (found.values[0] ?? null) : null;
	}

	setConstant(name: string, values: Float32Array): void {
		const owner = this.producer(name);
		const tensorFields = this.constantTensor(name);
		if (!owner || !tensorFields) throw new Error(`ONNX: ${name} is no Constant`);
		const newTensor = tensorFields.map((f) =>
			f.no === tensor.rawData ? bytesField(tensor.rawData, rawBytes(values)) : f,
		);
		owner.rest = owner.rest.map((field) => {
			if (field.no !== node.attribute) return field;
			const attr = readFields(bytesOf(field) ?? new Uint8Array());
			if (!attr.some((f) => f.no === attribute.t)) return field;
			return messageField(
				node.attribute,
				attr.map((f) => (f.no === attribute.t ? messageField(attribute.t, newTensor) : f)),
			);
		});
	}

	/** A float attribute of a node (Clip's min and max before opset 11), or null. */
	floatAttribute(n: OnnxNode, name: string): number | null {
		const attr = attributeFields(n, name);
		return attr ? floatOf(attr.find((f) => f.no === attribute.f)) : null;
	}

	/** An integer attribute of a node (a Conv's group), or null when it has none. */
	integerAttribute(n: OnnxNode, name: string): number | null {
		const attr = attributeFields(n, name);
		const value = attr?.find((f) => f.no === attribute.i);
		return value?.wire === 0 ? Number(BigInt.asIntN(64, value.value)) : null;
	}

	/** An integer list attribute of a node (a Conv's pads), or null when it has none. */
	integersAttribute(n: OnnxNode, name: string): number[] | null {
		const attr = attributeFields(n, name);
		return attr ? integersOf(attr, attribute.ints) : null;
	}

	/** A string attribute of a node (a Conv's auto_pad), or null when it has none. */
	stringAttribute(n: OnnxNode, name: string): string | null {
		const attr = attributeFields(n, name);
		return attr ? stringOf(attr.find((f) => f.no === attribute.s)) : null;
	}

	/** Removes the nodes, then every Constant no node reads any more. */
	remove(dropped: ReadonlySet<OnnxNode>): void {
		this.nodes = this.nodes.filter((n) => !dropped.has(n));
		const read = new Set([...this.nodes.flatMap((n) => n.inputs), ...this.graphOutputs]);
		this.nodes = this.nodes.filter((n) => n.op !== "Constant" || n.outputs.some((name) => read.has(name)));
	}

	private constantTensor(name: string): WireField[] | null {
		const owner = this.producer(name);
		if (owner?.op !== "Constant") return null;
		for (const field of owner.rest) {
			if (field.no !== node.attribute) continue;
			const value = bytesOf(readFields(bytesOf(field) ?? new Uint8Array()).find((f) => f.no === attribute.t));
			if (value) return readFields(value);
		}
		return null;
	}
}

function attributeFields(n: OnnxNode, name: string): WireField[] | null {
	for (const field of n.rest) {
		if (field.no !== node.attribute) continue;
		const attr = readFields(bytesOf(field) ?? new Uint8Array());
		if (stringOf(attr.find((f) => f.no === attribute.name)) === name) return attr;
	}
	return null;
}

/** A new node attribute: a float, an integer, a list of integers or a string. */
export type NewAttribute = { f: number } | { i: number } | { ints: readonly number[] } | { s: string };

function attributeValue(value: NewAttribute): WireField[] {
	if ("f" in value)
		return [floatField(attribute.f, value.f), varintField(attribute.type, attributeType.float)];
	if ("i" in value)
		return [varintField(attribute.i, value.i), varintField(attribute.type, attributeType.int)];
	if ("s" in value)
		return [stringField(attribute.s, value.s), varintField(attribute.type, attributeType.string)];
	return [
		...value.ints.map((v) => varintField(attribute.ints, v)),
		varintField(attribute.type, attributeType.ints),
	];
}

/** A new node's fields: its name, op type and attributes. */
export function newNode(
	op: string,
	name: string,
	inputs: string[],
	outputs: string[],
	attributes: Record<string, NewAttribute> = {},
): OnnxNode {
	return {
		op,
		inputs,
		outputs,
		rest: [
			stringField(node.name, name),
			stringField(node.opType, op),
			...Object.entries(attributes).map(([key, value]) =>
				messageField(node.attribute, [stringField(attribute.name, key), ...attributeValue(value)]),
			),
		],
	};
}

/** A Constant node holding a float tensor. */
export function newConstant(name: string, dims: readonly number[], values: Float32Array): OnnxNode {
	const value = tensorFields(dims, values);
	const constant = newNode("Constant", name, [], [name]);
	constant.rest.push(
		messageField(node.attribute, [
			stringField(attribute.name, "value"),
			messageField(attribute.t, value),
			varintField(attribute.type, attributeType.tensor),
		]),
	);
	return constant;
}

function nodeField(n: OnnxNode): WireField {
	return messageField(graph.node, [
		...n.inputs.map((name) => stringField(node.input, name)),
		...n.outputs.map((name) => stringField(node.output, name)),
		...n.rest,
	]);
}

function tensorFields(dims: readonly number[], values: Float32Array | BigInt64Array): WireField[] {
	return [
		...dims.map((d) => varintField(tensor.dims, d)),
		varintField(tensor.dataType, Number(values instanceof BigInt64Array ? int64Type : floatType)),
		bytesField(tensor.rawData, rawBytes(values)),
	];
}

/** A copy of the values' own bytes (not the whole buffer a view may sit in), little-endian as x86 and ONNX. */
function rawBytes(values: Float32Array | BigInt64Array): Uint8Array {
	return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

/**
 * A float tensor of a graph's inputs or outputs; a string dimension is left open (named), and
 * null dims leave the whole shape to onnxruntime's inference.
 */
export interface OnnxValueSpec {
	name: string;
	dims: readonly (number | string)[] | null;
}

/** A weight or a shape: float32, or int64 for the shape-like inputs (Reshape's shape, Pad's pads). */
export interface OnnxInitializer {
	name: string;
	dims: readonly number[];
	values: Float32Array | BigInt64Array;
}

function valueInfoField(no: number, spec: OnnxValueSpec): WireField {
	const shape = spec.dims?.map((d) =>
		messageField(tensorShape.dim, [
			typeof d === "number" ? varintField(dimension.value, d) : stringField(dimension.param, d),
		]),
	);
	return messageField(no, [
		stringField(valueInfo.name, spec.name),
		messageField(valueInfo.type, [
			messageField(typeProto.tensorType, [
				varintField(tensorType.elemType, Number(floatType)),
				...(shape ? [messageField(tensorType.shape, shape)] : []),
			]),
		]),
	]);
}

/** A new model file: one graph of float tensors in the default domain at `opset`. */
export function buildOnnxModel(spec: {
	name: string;
	opset: number;
	nodes: readonly OnnxNode[];
	initializers: readonly OnnxInitializer[];
	inputs: readonly OnnxValueSpec[];
	outputs: readonly OnnxValueSpec[];
}): Uint8Array {
	const graphFields = [
		...spec.nodes.map(nodeField),
		stringField(graph.name, spec.name),
		...spec.initializers.map((init) =>
			messageField(graph.initializer, [
				...tensorFields(init.dims, init.values),
				stringField(tensor.name, init.name),
			]),
		),
		...spec.inputs.map((input) => valueInfoField(graph.input, input)),
		...spec.outputs.map((output) => valueInfoField(graph.output, output)),
	];
	return writeFields([
		// IR 8 reads opsets up to 18.
		varintField(model.irVersion, 8),
		stringField(model.producerName, "focus-racer"),
		messageField(model.graph, graphFields),
		messageField(model.opsetImport, [
			stringField(opsetId.domain, ""),
			varintField(opsetId.version, spec.opset),
		]),
	]);
}

/**
 * faceres (a MobileNet v1 exported from Keras) spells every ReLU6 as Relu → Minimum(6) →
 * Maximum(0), and every pointwise convolution's batch norm as a separate Add. On tfjs' wasm
 * backend those elementwise ops are slow: profiled here, Minimum + Maximum took 80 of the
 * ≈ 170 ms of one 224 px embedding, more than the convolutions. This rewrites the graph at load
 * time into the ops tfjs fuses (the same arithmetic; the test checks the descriptors match):
 * - Conv2D → Add(1-D bias) → ReLU6 becomes one `_FusedConv2D` (BiasAdd + Relu6, XNNPACK);
 * - any other ReLU6 chain becomes one `Relu6`.
 * A chain is only rewritten when its constants really are 6 and 0 and no other node reads its
 * intermediate results, so a different graph passes through unchanged.
 */

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

export interface FusedGraph {
	nodes: GraphNode[];
	fusedConvolutions: number;
	relu6: number;
}

/** "name:0" and "^name" (control input) both read node "name". */
function nodeName(input: string): string {
	return input.replace(/^\^/, "").replace(/:\d+$/, "");
}

function base64(text: string): string {
	return Buffer.from(text, "latin1").toString("base64");
}

function isScalar(constant: GraphConstant | undefined, value: number): boolean {
	return constant !== undefined && constant.shape.length === 0 && constant.values[0] === value;
}

export function fuseFaceresGraph(
	nodes: readonly GraphNode[],
	constantOf: (name: string) => GraphConstant | undefined,
): FusedGraph {
	const byName = new Map(nodes.map((node) => [node.name, node]));
	const readers = new Map<string, number>();
	for (const node of nodes)
		for (const input of node.input ?? [])
			readers.set(nodeName(input), (readers.get(nodeName(input)) ?? 0) + 1);
	const readOnce = (node: GraphNode): boolean => readers.get(node.name) === 1;
	const input = (node: GraphNode | undefined, index: number): GraphNode | undefined => {
		const name = node?.input?.[index];
		return name === undefined ? undefined : byName.get(nodeName(name));
	};

	const removed = new Set<string>();
	const replaced = new Map<string, GraphNode>();
	let fusedConvolutions = 0;
	let relu6 = 0;
	for (const maximum of nodes) {
		if (maximum.op !== "Maximum" || maximum.input?.length !== 2) continue;
		const minimum = input(maximum, 0);
		const zero = maximum.input[1];
		if (minimum?.op !== "Minimum" || minimum.input?.length !== 2 || !readOnce(minimum)) continue;
		const relu = input(minimum, 0);
		const six = minimum.input[1];
		if (relu?.op !== "Relu" || !readOnce(relu) || zero === undefined || six === undefined) continue;
		if (!isScalar(constantOf(nodeName(six)), 6) || !isScalar(constantOf(nodeName(zero)), 0)) continue;
		const reluInput = relu.input?.[0];
		if (reluInput === undefined) continue;

		const add = input(relu, 0);
		const convolution = input(add, 0);
		const biasName = add?.input?.[1];
		const bias = biasName === undefined ? undefined : constantOf(nodeName(biasName));
		if (
			add?.op === "Add" &&
			readOnce(add) &&
			convolution?.op === "Conv2D" &&
			readOnce(convolution) &&
			convolution.input?.length === 2 &&
			biasName !== undefined &&
			bias?.shape.length === 1
		) {
			replaced.set(maximum.name, {
				name: maximum.name,
				op: "_FusedConv2D",
				input: [...convolution.input, biasName],
				attr: {
					...convolution.attr,
					fused_ops: { list: { s: [base64("BiasAdd"), base64("Relu6")] } },
					num_args: { i: "1" },
					epsilon: { f: 0 },
				},
			});
			for (const node of [convolution, add, relu, minimum]) removed.add(node.name);
			fusedConvolutions++;
		} else {
			replaced.set(maximum.name, {
				name: maximum.name,
				op: "Relu6",
				input: [reluInput],
				attr: maximum.attr?.T === undefined ? {} : { T: maximum.attr.T },
			});
			for (const node of [relu, minimum]) removed.add(node.name);
			relu6++;
		}
	}
	return {
		nodes: nodes.filter((node) => !removed.has(node.name)).map((node) => replaced.get(node.name) ?? node),
		fusedConvolutions,
		relu6,
	};
}

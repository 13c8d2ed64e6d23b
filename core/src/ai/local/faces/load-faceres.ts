import type { GraphModel } from "@tensorflow/tfjs-converter";
import type { io } from "@tensorflow/tfjs-core";
import {
	type FusedGraph,
	fuseFaceresGraph,
	type GraphConstant,
	type GraphNode,
} from "./fuse-faceres-graph.ts";
import type { HumanTf } from "./human-types.ts";

function graphNodes(topology: unknown): GraphNode[] | null {
	if (typeof topology !== "object" || topology === null || !("node" in topology)) return null;
	const { node } = topology;
	return Array.isArray(node) ? (node as GraphNode[]) : null;
}

/**
 * The graph with its image input's height and width left open (-1): faceres pools globally, so
 * any side runs, but its Placeholder says 224×224 and tfjs refuses other shapes. Only the
 * shape check changes; descriptors at 224 are the same.
 */
export function openInputSide(nodes: readonly GraphNode[]): GraphNode[] {
	return nodes.map((node) => {
		if (node.op !== "Placeholder") return node;
		const attr = node.attr?.shape as { shape?: { dim?: { size: string }[] } } | undefined;
		const dim = attr?.shape?.dim;
		if (!attr?.shape || !dim || dim.length !== 4) return node;
		const open = dim.map((d, i) => (i === 1 || i === 2 ? { ...d, size: "-1" } : d));
		return { ...node, attr: { ...node.attr, shape: { ...attr, shape: { ...attr.shape, dim: open } } } };
	});
}

function withOpenInputSide(artifacts: io.ModelArtifacts): io.ModelArtifacts {
	const nodes = graphNodes(artifacts.modelTopology);
	if (!nodes) return artifacts;
	return { ...artifacts, modelTopology: { ...artifacts.modelTopology, node: openInputSide(nodes) } };
}

/** Rewrites the graph of `artifacts` with fuse-faceres-graph.ts; the constants are read from its weights. */
export function fuseArtifacts(
	tf: HumanTf,
	artifacts: io.ModelArtifacts,
): io.ModelArtifacts & { fused?: FusedGraph } {
	const nodes = graphNodes(artifacts.modelTopology);
	const { weightData, weightSpecs } = artifacts;
	if (!nodes || !weightData || !weightSpecs) return artifacts;
	const weights = tf.io.decodeWeights(weightData, weightSpecs);
	try {
		const constantOf = (name: string): GraphConstant | undefined => {
			const tensor = weights[name];
			return tensor && tensor.rank <= 1 ? { shape: tensor.shape, values: tensor.dataSync() } : undefined;
		};
		const fused = fuseFaceresGraph(nodes, constantOf);
		return { ...artifacts, modelTopology: { ...artifacts.modelTopology, node: fused.nodes }, fused };
	} finally {
		tf.dispose(Object.values(weights));
	}
}

export interface LoadFaceresOptions {
	/** Rewrite the graph into fused ops (same descriptors, ≈ 2× faster); off only to compare. */
	fuse: boolean;
}

/** Loads faceres from human's models/ directory (a file: URL, served by file-fetch.ts). */
export async function loadFaceres(
	tf: HumanTf,
	modelBasePath: string,
	options: LoadFaceresOptions = { fuse: true },
): Promise<GraphModel> {
	const http = tf.io.http(`${modelBasePath}faceres.json`);
	return tf.loadGraphModel({
		load: async () => {
			if (!http.load) throw new Error("tfjs http handler cannot load");
			const artifacts = withOpenInputSide(await http.load());
			return options.fuse ? fuseArtifacts(tf, artifacts) : artifacts;
		},
	});
}

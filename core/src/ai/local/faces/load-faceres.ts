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
			const artifacts = await http.load();
			return options.fuse ? fuseArtifacts(tf, artifacts) : artifacts;
		},
	});
}

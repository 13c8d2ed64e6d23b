import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { InferenceSession } from "onnxruntime-node";
import { onnxSessionOptions } from "../onnx/session-options.ts";
import { faceresToOnnx, type GraphConstant, type GraphNode } from "./faceres-onnx.ts";
import type { HumanTf } from "./human-types.ts";

interface WeightsManifest {
	paths: string[];
	weights: Parameters<HumanTf["io"]["decodeWeights"]>[1];
}

interface FaceresJson {
	modelTopology: { node: GraphNode[] };
	weightsManifest: WeightsManifest[];
}

/**
 * faceres' tfjs graph and its decoded weights, read from human's models/ directory (a file:
 * URL). tfjs decodes the weights: they are stored as float16 and dequantised to float32 on load.
 */
export async function readFaceresGraph(
	tf: HumanTf,
	modelBasePath: string,
): Promise<{ nodes: GraphNode[]; constantOf: (name: string) => GraphConstant | undefined }> {
	const directory = fileURLToPath(modelBasePath);
	const json = JSON.parse(await readFile(`${directory}faceres.json`, "utf8")) as FaceresJson;
	const chunks = await Promise.all(
		json.weightsManifest.flatMap((group) => group.paths).map((file) => readFile(`${directory}${file}`)),
	);
	const data = Buffer.concat(chunks);
	const weights = tf.io.decodeWeights(
		data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
		json.weightsManifest.flatMap((group) => group.weights),
	);
	const constants = new Map<string, GraphConstant>();
	for (const [name, tensor] of Object.entries(weights)) {
		constants.set(name, { shape: tensor.shape, values: tensor.dataSync() as Float32Array });
		tensor.dispose();
	}
	return { nodes: json.modelTopology.node, constantOf: (name) => constants.get(name) };
}

/** faceres converted to ONNX (faceres-onnx.ts), as one onnxruntime session. */
export async function loadFaceres(tf: HumanTf, modelBasePath: string): Promise<InferenceSession> {
	const { nodes, constantOf } = await readFaceresGraph(tf, modelBasePath);
	return InferenceSession.create(faceresToOnnx(nodes, constantOf), onnxSessionOptions);
}

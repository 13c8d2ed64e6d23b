import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { HumanConfig, HumanInstance, HumanModule } from "./human-types.ts";
import { faceModelsDirectory } from "./load-face-models.ts";

/**
 * @vladmandic/human itself, on tfjs-wasm, as the tests' reference: the engine runs human's
 * blazeface and faceres converted to onnxruntime with its pre- and post-processing redone
 * (blazeface.ts, embed-face.ts), and the tests check that it finds the faces human finds.
 * Configured as the engine was when it ran on human (3.3.6): detector only (no mesh, no
 * rotation, no description), min confidence 0.4, up to 20 faces, IoU 0.1, face crops returned,
 * and no frame cache (human is built for video and otherwise reuses the previous frame's boxes).
 */

const require = createRequire(import.meta.url);

function directoryUrl(directory: string): string {
	return pathToFileURL(directory).href.replace(/\/?$/, "/");
}

/**
 * Node's fetch refuses file: URLs, and human (and tfjs under it) loads every model with fetch:
 * file: URLs are served from disk, anything else is refused (the models are on disk).
 */
function installFileFetch(): void {
	globalThis.fetch = async (input) => {
		const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
		if (!url.startsWith("file:")) throw new Error(`human oracle: no network (${url})`);
		return new Response(await readFile(fileURLToPath(url)), { status: 200 });
	};
}

function humanConfig(): HumanConfig {
	const off = { enabled: false };
	return {
		backend: "wasm",
		wasmPath: directoryUrl(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))),
		wasmPlatformFetch: false,
		modelBasePath: directoryUrl(faceModelsDirectory()),
		debug: false,
		async: false,
		warmup: "none",
		cacheSensitivity: 0,
		cacheModels: false,
		skipAllowed: false,
		deallocate: false,
		filter: off,
		gesture: off,
		face: {
			enabled: true,
			detector: {
				modelPath: "blazeface.json",
				rotation: false,
				maxDetected: 20,
				minConfidence: 0.4,
				minSize: 0,
				iouThreshold: 0.1,
				return: true,
				skipFrames: 0,
				skipTime: 0,
			},
			mesh: off,
			attention: off,
			iris: off,
			description: { enabled: false, modelPath: "faceres.json", skipFrames: 0, skipTime: 0 },
			emotion: off,
			antispoof: off,
			liveness: off,
			gear: off,
		},
		body: off,
		hand: off,
		object: off,
		segmentation: off,
	};
}

let loading: Promise<HumanInstance> | null = null;

/** The one human of the test process (it keeps its models in module-level state). */
export function loadHumanOracle(): Promise<HumanInstance> {
	if (!loading)
		loading = (async () => {
			installFileFetch();
			// The node-wasm build, by absolute path: the package's `exports` map lists its
			// subpaths without "./", which Node rejects, and its main entry wants tfjs-node.
			const humanRoot = path.dirname(faceModelsDirectory());
			const { Human } = require(path.join(humanRoot, "dist", "human.node-wasm.js")) as HumanModule;
			const human = new Human(humanConfig());
			await human.init();
			await human.load();
			return human;
		})();
	return loading;
}

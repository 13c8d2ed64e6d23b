import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { InferenceSession } from "onnxruntime-node";
import { installFileFetch } from "./file-fetch.ts";
import { type FaceModelOptions, type HumanPaths, humanConfig } from "./human-config.ts";
import type { HumanInstance, HumanModule, HumanTf } from "./human-types.ts";
import { loadFaceres } from "./load-faceres.ts";

const require = createRequire(import.meta.url);

function directoryUrl(directory: string): string {
	return pathToFileURL(directory).href.replace(/\/?$/, "/");
}

/**
 * Where human's node-wasm build, its models and the tfjs wasm binaries are. Resolving the
 * package's main entry only yields a path (it is never loaded: it wants tfjs-node, which does not
 * install here); the node-wasm build is then required by absolute path because the package's
 * `exports` map lists its subpaths without "./", which Node rejects.
 */
export function humanLocations(): HumanPaths & { humanEntry: string } {
	const humanRoot = path.dirname(path.dirname(require.resolve("@vladmandic/human")));
	return {
		humanEntry: path.join(humanRoot, "dist", "human.node-wasm.js"),
		modelBasePath: directoryUrl(path.join(humanRoot, "models")),
		wasmPath: directoryUrl(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))),
	};
}

export interface LoadedHuman {
	human: HumanInstance;
	tf: HumanTf;
	/** faceres, loaded by us from the same models/ directory and run on onnxruntime (embed-face.ts). */
	faceres: InferenceSession;
	options: FaceModelOptions;
}

let loading: Promise<LoadedHuman> | null = null;
let loadedOptions: FaceModelOptions | null = null;

function sameOptions(a: FaceModelOptions, b: FaceModelOptions): boolean {
	return a.mesh === b.mesh && a.minConfidence === b.minConfidence && a.maxDetected === b.maxDetected;
}

async function load(options: FaceModelOptions): Promise<LoadedHuman> {
	installFileFetch();
	const locations = humanLocations();
	const { Human } = require(locations.humanEntry) as HumanModule;
	const human = new Human(humanConfig(locations, options));
	await human.init();
	await human.load();
	const faceres = await loadFaceres(human.tf, locations.modelBasePath);
	return { human, tf: human.tf, faceres, options };
}

/**
 * The one human of the process. Human keeps its models and tfjs backend in module-level state,
 * so two instances with different configurations would overwrite each other's models: one
 * model configuration per process, and asking for another is a programming error.
 */
export function loadHuman(options: FaceModelOptions): Promise<LoadedHuman> {
	if (loadedOptions && !sameOptions(loadedOptions, options))
		throw new Error(
			`human is already loaded with ${JSON.stringify(loadedOptions)}; one face model configuration per process`,
		);
	if (!loading) {
		loadedOptions = { ...options };
		loading = load(options).catch((err: unknown) => {
			loading = null;
			loadedOptions = null;
			throw err;
		});
	}
	return loading;
}

import type * as tfBackendWasm from "@tensorflow/tfjs-backend-wasm";
import type * as tfConverter from "@tensorflow/tfjs-converter";
import type * as tfCore from "@tensorflow/tfjs-core";

/**
 * The small part of @vladmandic/human the tests use as their reference (human-oracle.testkit.ts),
 * typed by hand. Why not its own typings: we load
 * the node-wasm build through createRequire (its `exports` map is broken for subpaths, and the
 * default entry wants tfjs-node), so there is no typed import to lean on; and its .d.ts pulls in
 * DOM types (canvas, video) that our es2024-only tsconfig does not have. `tf` is really
 * tfjs-core + converter + backend-wasm merged into one object (the node-wasm bundle requires the
 * three packages and re-exports them), so those packages' own typings describe it exactly.
 */

export type HumanTf = typeof tfCore & typeof tfConverter & typeof tfBackendWasm;

/** [x, y, width, height]: pixels in `box`, 0..1 of the input in `boxRaw`. */
export type HumanBox = [number, number, number, number];

export interface HumanFaceResult {
	id: number;
	/** Overall score (detector and mesh combined). */
	score: number;
	/** Detector (blazeface) score, 0..1. */
	boxScore: number;
	/** Mesh score, 0..1 (0 when mesh is off). */
	faceScore: number;
	box: HumanBox;
	boxRaw: HumanBox;
	size: [number, number];
	mesh: [number, number, number?][];
	rotation?: { angle: { roll: number; yaw: number; pitch: number } } | null;
	embedding?: number[];
	/** The face crop the description model would see (only with `face.detector.return`); the
	 * caller owns it and must dispose it. */
	tensor?: tfCore.Tensor;
}

export interface HumanResult {
	face: HumanFaceResult[];
	/** Set instead of throwing when human refuses an input. */
	error?: string | null;
}

/** Config keys we set (human merges them over its defaults). */
export interface HumanConfig {
	backend: "wasm";
	wasmPath: string;
	wasmPlatformFetch: boolean;
	modelBasePath: string;
	debug: boolean;
	async: boolean;
	warmup: "none";
	cacheSensitivity: number;
	cacheModels: boolean;
	skipAllowed: boolean;
	deallocate: boolean;
	filter: { enabled: boolean };
	gesture: { enabled: boolean };
	face: {
		enabled: boolean;
		detector: {
			modelPath?: string;
			rotation: boolean;
			maxDetected: number;
			minConfidence: number;
			minSize: number;
			iouThreshold: number;
			return: boolean;
			skipFrames: number;
			skipTime: number;
		};
		mesh: { enabled: boolean; keepInvalid?: boolean };
		attention: { enabled: boolean };
		iris: { enabled: boolean };
		description: { enabled: boolean; modelPath?: string; skipFrames: number; skipTime: number };
		emotion: { enabled: boolean };
		antispoof: { enabled: boolean };
		liveness: { enabled: boolean };
		gear: { enabled: boolean };
	};
	body: { enabled: boolean };
	hand: { enabled: boolean };
	object: { enabled: boolean };
	segmentation: { enabled: boolean };
}

export interface HumanInstance {
	readonly version: string;
	readonly tf: HumanTf;
	readonly config: HumanConfig;
	readonly env: { wasm: { simd?: boolean; multithread?: boolean } };
	init(): Promise<void>;
	load(): Promise<void>;
	detect(input: tfCore.Tensor, config?: Partial<HumanConfig>): Promise<HumanResult>;
	models: { reset(): void };
}

export interface HumanModule {
	Human: new (config: HumanConfig) => HumanInstance;
}

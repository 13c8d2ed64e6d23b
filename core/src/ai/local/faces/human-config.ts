import type { HumanConfig } from "./human-types.ts";

/** What may differ between runs of the engine (benchmarks compare these; production keeps the defaults). */
export interface FaceModelOptions {
	/** Face mesh refines the detector box and aligns the crop the embedding sees. */
	mesh: boolean;
	/** Blazeface score 0..1 below which a candidate is dropped. */
	minConfidence: number;
	maxDetected: number;
}

/**
 * Measured on rbnr-dev (measure-faces.ts):
 * - mesh off: faceres' same-runner top-1 is as good on the detector's crop as on the mesh's
 *   aligned one (84 % vs 81 %, native size), and the mesh rejects most faces under ~8 % of the
 *   image width (1 of the 11 faces blazeface finds in human's own group sample survives it),
 *   faces we want for bib crops and identity; it also costs a model pass per face.
 * - minConfidence 0.4: recall of labelled faces 97.9 % at 0.25 (582 detections), 95.9 % at 0.3
 *   (493), 95.3 % at 0.4 (396), 92.2 % at 0.5 (333); each extra detection costs an embedding.
 */
export const defaultFaceModelOptions: FaceModelOptions = {
	mesh: false,
	minConfidence: 0.4,
	maxDetected: 20,
};

export interface HumanPaths {
	/** file: URL of the directory holding tfjs-backend-wasm*.wasm, with a trailing slash. */
	wasmPath: string;
	/** file: URL of human's models/ directory, with a trailing slash. */
	modelBasePath: string;
}

/**
 * Human's configuration for a stream of unrelated still photos:
 * - cacheSensitivity 0 and skipFrames/skipTime 0: human is built for video and otherwise reuses
 *   the previous frame's boxes and descriptors when the input looks alike, which would give one
 *   photo the faces of the photo before it.
 * - rotation off: runners are upright; rotation costs a second, rotated crop per face (and only
 *   works with the mesh).
 * - description (faceres) off here: we run faceres ourselves on the face crops worth embedding
 *   (see embed-face.ts), so small faces cost no embedding (≈ 12 ms each on onnxruntime). `detector.return` hands us
 *   those crops.
 * - everything else (iris, emotion, antispoof, liveness, body, hand, object, gesture,
 *   segmentation, image filters) off: unused, and each is a model load and a pass.
 * - warmup none, cacheModels off: no browser cache here; the first photo pays the warm-up.
 */
export function humanConfig(paths: HumanPaths, options: FaceModelOptions): HumanConfig {
	return {
		backend: "wasm",
		wasmPath: paths.wasmPath,
		wasmPlatformFetch: false,
		modelBasePath: paths.modelBasePath,
		debug: false,
		async: false,
		warmup: "none",
		cacheSensitivity: 0,
		cacheModels: false,
		skipAllowed: false,
		deallocate: false,
		filter: { enabled: false },
		gesture: { enabled: false },
		face: {
			enabled: true,
			detector: {
				modelPath: "blazeface.json",
				rotation: false,
				maxDetected: options.maxDetected,
				minConfidence: options.minConfidence,
				minSize: 0,
				iouThreshold: 0.1,
				return: true,
				skipFrames: 0,
				skipTime: 0,
			},
			mesh: { enabled: options.mesh },
			attention: { enabled: false },
			iris: { enabled: false },
			description: { enabled: false, modelPath: "faceres.json", skipFrames: 0, skipTime: 0 },
			emotion: { enabled: false },
			antispoof: { enabled: false },
			liveness: { enabled: false },
			gear: { enabled: false },
		},
		body: { enabled: false },
		hand: { enabled: false },
		object: { enabled: false },
		segmentation: { enabled: false },
	};
}

import { decodeRgb, type RgbImage } from "../../../image/decode-rgb.ts";
import type { AiImage, DetectedFace } from "../../ai-engine.ts";
import { defaultFaceresSide, embedFace, faceEmbeddingModel } from "./embed-face.ts";
import { faceQuality } from "./face-quality.ts";
import { defaultFaceModelOptions, type FaceModelOptions } from "./human-config.ts";
import type { HumanFaceResult } from "./human-types.ts";
import { type LoadedHuman, loadHuman } from "./load-human.ts";
import type { PixelBox } from "./score-faces.ts";

export interface LocalFacesOptions extends FaceModelOptions {
	/**
	 * Faces whose box is narrower than this (pixels of the image handed in) get no embedding:
	 * below it faceres' vectors tell runners apart poorly (measure-faces.ts prints top-1 by
	 * face size), and each embedding costs ≈ 12–16 ms of CPU (faceres on onnxruntime, faceres-onnx.ts).
	 * They are still returned: their boxes feed the bib crops.
	 */
	minEmbedSide: number;
	/** faceres' input side (see embed-face.ts); only to compare, production keeps 224. */
	faceresSide: number;
}

export const defaultLocalFacesOptions: LocalFacesOptions = {
	...defaultFaceModelOptions,
	minEmbedSide: 40,
	faceresSide: defaultFaceresSide,
};

export interface LocalFaces {
	readonly embeddingModel: string;
	detectFaces(image: AiImage): Promise<DetectedFace[]>;
	/**
	 * Makes this handle unusable. The models stay loaded for the process: human keeps them in
	 * module-level state it cannot reload once disposed, and every handle shares them.
	 */
	close(): Promise<void>;
}

type EmbedOptions = Pick<LocalFacesOptions, "minEmbedSide" | "faceresSide">;

/** The wasm backend runs on this thread and human is not re-entrant: one photo at a time. */
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
	const run = queue.then(task, task);
	queue = run.catch(() => undefined);
	return run;
}

function clampBox(box: readonly number[], image: RgbImage): PixelBox {
	const [x = 0, y = 0, width = 0, height = 0] = box;
	const left = Math.max(0, x);
	const top = Math.max(0, y);
	const right = Math.min(image.width, x + width);
	const bottom = Math.min(image.height, y + height);
	return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

async function toDetectedFace(
	loaded: LoadedHuman,
	face: HumanFaceResult,
	image: RgbImage,
	embedOptions: EmbedOptions,
): Promise<DetectedFace> {
	const box = clampBox(face.box, image);
	const embed = Math.min(box.width, box.height) >= embedOptions.minEmbedSide;
	const embedding =
		embed && face.tensor
			? await embedFace(loaded.tf, loaded.faceres, face.tensor, embedOptions.faceresSide)
			: null;
	return {
		box: {
			x: box.x / image.width,
			y: box.y / image.height,
			width: box.width / image.width,
			height: box.height / image.height,
		},
		// The detector's score: with the mesh on, human's `score` becomes the mesh's, ~1 on
		// anything the detector passed; this one means the same with or without mesh.
		confidence: Math.round(face.boxScore * 1000) / 10,
		embedding,
		embeddingModel: embedding ? faceEmbeddingModel : null,
		providerFaceId: null,
		quality: embedding ? faceQuality(image, box, face.rotation?.angle) : 0,
	};
}

async function detect(
	loaded: LoadedHuman,
	image: RgbImage,
	embedOptions: EmbedOptions,
): Promise<DetectedFace[]> {
	const { human, tf } = loaded;
	const input = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
	let faces: HumanFaceResult[];
	try {
		const result = await human.detect(input);
		faces = result.face;
		if (result.error) throw new Error(`human: ${result.error}`);
	} finally {
		tf.dispose(input);
	}
	try {
		const detected: DetectedFace[] = [];
		for (const face of faces) detected.push(await toDetectedFace(loaded, face, image, embedOptions));
		return detected;
	} finally {
		// detector.return hands us each face crop; nothing else frees them.
		for (const face of faces) if (face.tensor) tf.dispose(face.tensor);
	}
}

/**
 * The local face engine: blazeface and the mesh (human, tfjs wasm on the CPU, one thread: tfjs
 * disables wasm threads under Node, and the worker runs one photo per core anyway) find the
 * faces, faceres (converted to onnxruntime, faceres-onnx.ts) embeds those large enough. Models load on the first photo, once per process.
 */
export function createLocalFaces(overrides: Partial<LocalFacesOptions> = {}): LocalFaces {
	const { minEmbedSide, faceresSide, ...modelOptions } = { ...defaultLocalFacesOptions, ...overrides };
	const embedOptions: EmbedOptions = { minEmbedSide, faceresSide };
	let closed = false;
	return {
		embeddingModel: faceEmbeddingModel,
		async detectFaces(image) {
			if (closed) throw new Error("local faces: detectFaces after close()");
			const [loaded, rgb] = await Promise.all([loadHuman(modelOptions), decodeRgb(image.data)]);
			return serialised(() => detect(loaded, rgb, embedOptions));
		},
		async close() {
			closed = true;
		},
	};
}

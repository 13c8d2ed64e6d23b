import { decodeRgb, type RgbImage } from "../../../image/decode-rgb.ts";
import type { AiImage, DetectedFace } from "../../ai-engine.ts";
import { type BlazefaceOptions, detectFaceBoxes, type FaceBox } from "./blazeface.ts";
import { defaultFaceresSide, embedFace, faceEmbeddingModel, faceresInput } from "./embed-face.ts";
import { faceQuality } from "./face-quality.ts";
import { type FaceModels, loadFaceModels } from "./load-face-models.ts";
import type { PixelBox } from "./score-faces.ts";

export interface LocalFacesOptions extends BlazefaceOptions {
	/**
	 * Faces whose box is narrower than this (pixels of the image handed in) get no embedding:
	 * below it faceres' vectors tell runners apart poorly (measure-faces.ts prints top-1 by
	 * face size), and each embedding costs ≈ 12–16 ms of CPU. They are still returned: their
	 * boxes feed the bib crops.
	 */
	minEmbedSide: number;
	/** faceres' input side (see embed-face.ts); only to compare, production keeps 224. */
	faceresSide: number;
}

/**
 * Measured on rbnr-dev (measure-faces.ts), with human's face pipeline whose detector this is:
 * - minConfidence 0.4: recall of labelled faces 97.9 % at 0.25 (582 detections), 95.9 % at 0.3
 *   (493), 95.3 % at 0.4 (396), 92.2 % at 0.5 (333); each extra detection costs an embedding.
 * - no face mesh: faceres' same-runner top-1 was as good on the detector's crop as on the mesh's
 *   aligned one (84 % vs 81 %, native size), and the mesh rejected most faces under ~8 % of the
 *   image width, faces we want for bib crops and identity.
 * - iouThreshold 0.1 (human's): faces of a crowd overlap little; a looser one kept doubles.
 */
export const defaultLocalFacesOptions: LocalFacesOptions = {
	minConfidence: 0.4,
	maxDetected: 20,
	iouThreshold: 0.1,
	minEmbedSide: 40,
	faceresSide: defaultFaceresSide,
};

export interface LocalFaces {
	readonly embeddingModel: string;
	detectFaces(image: AiImage): Promise<DetectedFace[]>;
	/** Makes this handle unusable; the models stay loaded for the process, shared by every handle. */
	close(): Promise<void>;
}

/** The face box as it lies inside the photo (human's `clampBox`: whole pixels, cut at the edges). */
function clampBox(box: FaceBox, image: RgbImage): PixelBox {
	const left = Math.trunc(Math.max(0, box.x1));
	const top = Math.trunc(Math.max(0, box.y1));
	const right = Math.trunc(Math.min(image.width, box.x2));
	const bottom = Math.trunc(Math.min(image.height, box.y2));
	return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

async function toDetectedFace(
	models: FaceModels,
	face: FaceBox,
	image: RgbImage,
	options: LocalFacesOptions,
): Promise<DetectedFace> {
	const box = clampBox(face, image);
	const embedding =
		Math.min(box.width, box.height) >= options.minEmbedSide
			? await embedFace(models.faceres, faceresInput(image, face, options.faceresSide), options.faceresSide)
			: null;
	return {
		box: {
			x: box.x / image.width,
			y: box.y / image.height,
			width: box.width / image.width,
			height: box.height / image.height,
		},
		// Percent, whole: human's score had two decimals, and the figures were measured on it.
		confidence: Math.round(face.confidence * 100),
		embedding,
		embeddingModel: embedding ? faceEmbeddingModel : null,
		providerFaceId: null,
		quality: embedding ? faceQuality(image, box) : 0,
	};
}

/**
 * The local face engine, on the worker's CPU with no network: blazeface finds the faces and
 * faceres embeds those large enough, both human's models converted to onnxruntime at load
 * (tfjs-to-onnx.ts; one thread each, as the OCR sessions). Models load on the first photo, once
 * per process.
 */
export function createLocalFaces(overrides: Partial<LocalFacesOptions> = {}): LocalFaces {
	const options: LocalFacesOptions = { ...defaultLocalFacesOptions, ...overrides };
	let closed = false;
	return {
		embeddingModel: faceEmbeddingModel,
		async detectFaces(image) {
			if (closed) throw new Error("local faces: detectFaces after close()");
			const [models, rgb] = await Promise.all([loadFaceModels(), decodeRgb(image.data)]);
			const faces = await detectFaceBoxes(models.blazeface, rgb, options);
			const detected: DetectedFace[] = [];
			for (const face of faces) detected.push(await toDetectedFace(models, face, rgb, options));
			return detected;
		},
		async close() {
			closed = true;
		},
	};
}

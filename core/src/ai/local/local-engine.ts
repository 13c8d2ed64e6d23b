import type { AiEngine } from "../ai-engine.ts";
import type { TextPageReader } from "../bibs/text-page.ts";
import { createLocalFaces, type LocalFacesOptions } from "./faces/local-faces.ts";
import { createLocalOcr, type LocalOcrOptions } from "./ocr/local-ocr.ts";

/** The local engine also opens pages for the bib reader's torso crops (readBibs' `pages`). */
export type LocalEngine = AiEngine & { pages: TextPageReader };

/**
 * The default engine: PaddleOCR for text, blazeface to find faces and faceres to embed them,
 * all on onnxruntime on the worker's CPU, models from npm packages, no
 * network, no account. Each half loads on first use, so the api (selfie search) never loads the
 * OCR models and a worker with face indexing off never loads the face models.
 */
export function createLocalEngine(
	options: { ocr?: LocalOcrOptions; faces?: Partial<LocalFacesOptions> } = {},
): LocalEngine {
	const ocr = createLocalOcr(options.ocr);
	const faces = createLocalFaces(options.faces);
	return {
		provider: "local",
		textStrategy: "torso-crops",
		pages: ocr,
		detectText: (image) => ocr.detectText(image),
		detectFaces: (image) => faces.detectFaces(image),
		async selfieQuery(image) {
			// The selfie's person is its largest face that could be embedded (a friend or a face
			// in the background is smaller).
			const found = (await faces.detectFaces(image)).filter((f) => f.embedding && f.embeddingModel);
			const largest = found.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
			if (!largest?.embedding || !largest.embeddingModel) return { kind: "none" };
			return { kind: "embedding", embedding: largest.embedding, embeddingModel: largest.embeddingModel };
		},
		// Vectors are ours: linking compares them in faces.cluster, nothing to ask an index.
		similarIndexedFaces: async () => [],
		// No index of its own: every face it found lives only in our `faces` table.
		listIndexedFaces: async () => [],
		deleteFaces: async () => {},
		async close() {
			await Promise.all([ocr.close(), faces.close()]);
		},
	};
}

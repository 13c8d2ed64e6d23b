/**
 * The one interface of the AI engines (ARCHITECTURE §5). Two implementations: `local` (default,
 * on the CPU of the worker, models shipped in npm packages, no network) and `rekognition`
 * (AWS). Engines only see pixels and say what they found; the bib rules (digit tokens, lengths,
 * confidence, start list), face linking, clustering and selfie ranking are ours and
 * provider-neutral, so both engines obey the same product rules.
 */

export const aiProviders = ["local", "rekognition"] as const;
export type AiProvider = (typeof aiProviders)[number];

/** A picture handed to an engine: the pipeline's 1600 px AI JPEG, a crop of it, or a selfie. */
export interface AiImage {
	/** Encoded bytes (JPEG or PNG). */
	data: Buffer;
	width: number;
	height: number;
}

/** A box normalised 0..1 to the image it was found in (x, y: top-left corner). */
export interface NormalisedBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A piece of text as an engine read it (a word or a line): no bib rule applied yet. */
export interface TextRead {
	text: string;
	/** Percent 0–100, the scale of PRODUCT.md's thresholds. */
	confidence: number;
	box: NormalisedBox;
}

/** A face on a photo, as stored in the `faces` table. */
export interface DetectedFace {
	box: NormalisedBox;
	/** Detection confidence, percent 0–100. */
	confidence: number;
	/** Identity vector compared by cosine in our code; null when the provider keeps vectors. */
	embedding: number[] | null;
	/** Engine + model of the embedding: vectors of different models never compare. */
	embeddingModel: string | null;
	/** The provider's face id in the event's collection (Rekognition), when it indexed the face. */
	providerFaceId: string | null;
	/** 0..1: how usable the face is for identity (size, sharpness, pose); clustering weighs it. */
	quality: number;
}

/** Where a provider that keeps its own face index files the faces of a photo. */
export interface FaceIndexTarget {
	eventId: string;
	photoId: string;
}

/** A face the provider found in its own index, most similar first. */
export interface ProviderFaceMatch {
	providerFaceId: string;
	/** Percent 0–100. */
	similarity: number;
}

/** A face as the provider's own index holds it (Rekognition ListFaces). */
export interface IndexedFace {
	providerFaceId: string;
	/** The photo it was filed under (Rekognition ExternalImageId); null when none was given. */
	photoId: string | null;
}

/**
 * What a selfie search compares against the event's faces: the selfie's embedding (engines that
 * embed locally), or the provider's own matches in the event's collection. `none`: no face on
 * the selfie.
 */
export type SelfieQuery =
	| { kind: "none" }
	| { kind: "embedding"; embedding: number[]; embeddingModel: string }
	| { kind: "provider-matches"; matches: ProviderFaceMatch[] };

export interface AiEngine {
	readonly provider: AiProvider;
	/**
	 * How bibs are best read with this engine's text detection: `torso-crops` reads the region
	 * below each face, scaled so digits are a good height for the recogniser, then falls back to
	 * tiles when there is no face (local PaddleOCR: much better than one pass on the whole
	 * scene); `whole-image` sends the picture once (Rekognition: one paid call per photo).
	 */
	readonly textStrategy: "torso-crops" | "whole-image";
	/** Every piece of text in the image, boxes normalised to this image. */
	detectText(image: AiImage): Promise<TextRead[]>;
	/**
	 * Every face with its identity data. With `index`, a provider that keeps its own index
	 * (Rekognition IndexFaces) files the faces under the event and returns their ids.
	 */
	detectFaces(image: AiImage, index?: FaceIndexTarget): Promise<DetectedFace[]>;
	/** Reads the selfie for a search among one event's faces; the selfie is never kept. */
	selfieQuery(image: AiImage, options: SelfieQueryOptions): Promise<SelfieQuery>;
	/**
	 * Faces of the event's provider index that match an already indexed face (Rekognition
	 * SearchFaces). Engines that embed locally return [] (we compare embeddings ourselves).
	 */
	similarIndexedFaces(options: SimilarIndexedFacesOptions): Promise<ProviderFaceMatch[]>;
	/**
	 * Every face of the event's provider index, to find those no `faces` row points at (the
	 * faces.sweep-provider job). Engines with no index of their own return [].
	 */
	listIndexedFaces(eventId: string): Promise<IndexedFace[]>;
	/** Forget faces (GDPR erasure, deleted photos). A no-op for engines with no index of their own. */
	deleteFaces(eventId: string, providerFaceIds: string[]): Promise<void>;
	/** Frees models and clients; the engine is unusable afterwards. */
	close(): Promise<void>;
}

export interface SelfieQueryOptions {
	eventId: string;
	/** Percent 0–100: provider matches below it are dropped. */
	minSimilarity: number;
	maxResults: number;
}

export interface SimilarIndexedFacesOptions {
	eventId: string;
	providerFaceId: string;
	minSimilarity: number;
	maxResults: number;
}

import {
	CreateCollectionCommand,
	DeleteFacesCommand,
	DetectFacesCommand,
	DetectTextCommand,
	IndexFacesCommand,
	type IndexFacesCommandInput,
	type IndexFacesCommandOutput,
	ListFacesCommand,
	RekognitionClient,
	SearchFacesByImageCommand,
	SearchFacesCommand,
} from "@aws-sdk/client-rekognition";
import type {
	AiEngine,
	AiImage,
	DetectedFace,
	FaceIndexTarget,
	IndexedFace,
	ProviderFaceMatch,
	SelfieQuery,
	SelfieQueryOptions,
	SimilarIndexedFacesOptions,
} from "../ai-engine.ts";
import { chunkFaceIds } from "./delete-faces-chunks.ts";
import { assertCollectionPrefix, collectionIdFor } from "./face-collection.ts";
import { mapFaceMatches } from "./map-face-matches.ts";
import { mapFaceDetails, mapFaceRecords } from "./map-faces.ts";
import { mapTextDetections } from "./map-text-detections.ts";
import { isRekognitionError } from "./rekognition-errors.ts";

export interface RekognitionEngineOptions {
	region: string;
	/** A Rekognition-compatible endpoint (the fake server in tests); unset: AWS's own. */
	endpoint?: string;
	/** Unset: the SDK's default credential chain (env, profile, instance role). */
	credentials?: { accessKeyId: string; secretAccessKey: string };
	/** Collections are `${collectionPrefix}${eventId}`: one per event, one namespace per deployment. */
	collectionPrefix: string;
	/** SDK attempts per call (its default: 3); the worker's job retries on top. */
	maxAttempts?: number;
	/** A client made elsewhere (tests, shared clients): then `close()` leaves it open. */
	client?: RekognitionClient;
}

/** IndexFaces never returns more than 100 faces per image, whatever MaxFaces says. */
const maxFacesPerIndexFaces = 100;
/** ListFaces' largest page: the fewest calls for a whole collection. */
const maxFacesPerListFaces = 4096;
/** The search operations' MaxFaces range. */
const maxFacesPerSearch = 4096;

function clampSearchMaxFaces(maxResults: number): number {
	return Math.min(maxFacesPerSearch, Math.max(1, Math.floor(maxResults)));
}

/** FaceMatchThreshold must be 0–100: out-of-range thresholds would come back as InvalidParameter. */
function clampSimilarity(similarity: number): number {
	return Math.min(100, Math.max(0, similarity));
}

/**
 * The `rekognition` engine (ARCHITECTURE §5): AWS reads the text and keeps the face vectors in
 * one collection per event, so faces carry Rekognition face ids instead of embeddings and
 * similarity comes from its searches. Only the "nothing there" answers are mapped (a missing
 * collection, no face on a selfie); every other error propagates so the worker's job retries.
 */
export function createRekognitionEngine(options: RekognitionEngineOptions): AiEngine {
	assertCollectionPrefix(options.collectionPrefix);
	const ownsClient = options.client === undefined;
	const client =
		options.client ??
		new RekognitionClient({
			region: options.region,
			...(options.endpoint ? { endpoint: options.endpoint } : {}),
			...(options.credentials ? { credentials: options.credentials } : {}),
			...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
		});
	const collectionOf = (eventId: string) => collectionIdFor(options.collectionPrefix, eventId);

	async function createCollection(collectionId: string): Promise<void> {
		try {
			await client.send(new CreateCollectionCommand({ CollectionId: collectionId }));
		} catch (error) {
			// Another worker indexing the same event created it first: that is what we wanted.
			if (!isRekognitionError(error, "ResourceAlreadyExistsException")) throw error;
		}
	}

	/**
	 * Collections are created on the first IndexFaces that misses one rather than checked before
	 * every call: one call per photo in the steady state, two extra once per event.
	 */
	async function indexFaces(image: AiImage, target: FaceIndexTarget): Promise<IndexFacesCommandOutput> {
		const collectionId = collectionOf(target.eventId);
		const input: IndexFacesCommandInput = {
			CollectionId: collectionId,
			Image: { Bytes: image.data },
			ExternalImageId: target.photoId,
			MaxFaces: maxFacesPerIndexFaces,
			QualityFilter: "AUTO",
			DetectionAttributes: ["DEFAULT"],
		};
		try {
			return await client.send(new IndexFacesCommand(input));
		} catch (error) {
			if (!isRekognitionError(error, "ResourceNotFoundException")) throw error;
		}
		await createCollection(collectionId);
		return client.send(new IndexFacesCommand(input));
	}

	return {
		provider: "rekognition",
		// One paid DetectText per photo: crops would multiply the bill for little gain.
		textStrategy: "whole-image",

		async detectText(image) {
			const output = await client.send(new DetectTextCommand({ Image: { Bytes: image.data } }));
			return mapTextDetections(output.TextDetections);
		},

		async detectFaces(image, index): Promise<DetectedFace[]> {
			if (index) return mapFaceRecords((await indexFaces(image, index)).FaceRecords);
			const output = await client.send(
				new DetectFacesCommand({ Image: { Bytes: image.data }, Attributes: ["DEFAULT"] }),
			);
			return mapFaceDetails(output.FaceDetails);
		},

		async selfieQuery(image, query: SelfieQueryOptions): Promise<SelfieQuery> {
			try {
				const output = await client.send(
					new SearchFacesByImageCommand({
						CollectionId: collectionOf(query.eventId),
						Image: { Bytes: image.data },
						FaceMatchThreshold: clampSimilarity(query.minSimilarity),
						MaxFaces: clampSearchMaxFaces(query.maxResults),
					}),
				);
				return { kind: "provider-matches", matches: mapFaceMatches(output.FaceMatches, query) };
			} catch (error) {
				// No collection yet: the event has no indexed face, so nobody can match.
				if (isRekognitionError(error, "ResourceNotFoundException")) {
					return { kind: "provider-matches", matches: [] };
				}
				// Rekognition's answer to "no face in the image". The other parameters are ours and
				// clamped to their valid ranges above, so the image is the only thing left to be invalid.
				if (isRekognitionError(error, "InvalidParameterException")) return { kind: "none" };
				throw error;
			}
		},

		async similarIndexedFaces(query: SimilarIndexedFacesOptions): Promise<ProviderFaceMatch[]> {
			try {
				const output = await client.send(
					new SearchFacesCommand({
						CollectionId: collectionOf(query.eventId),
						FaceId: query.providerFaceId,
						FaceMatchThreshold: clampSimilarity(query.minSimilarity),
						// One more than asked, so that dropping the face itself still leaves maxResults.
						MaxFaces: clampSearchMaxFaces(query.maxResults + 1),
					}),
				);
				return mapFaceMatches(output.FaceMatches, { ...query, excludeFaceId: query.providerFaceId });
			} catch (error) {
				if (isRekognitionError(error, "ResourceNotFoundException")) return [];
				throw error;
			}
		},

		async listIndexedFaces(eventId): Promise<IndexedFace[]> {
			const listed: IndexedFace[] = [];
			let nextToken: string | undefined;
			try {
				do {
					const output = await client.send(
						new ListFacesCommand({
							CollectionId: collectionOf(eventId),
							MaxResults: maxFacesPerListFaces,
							...(nextToken ? { NextToken: nextToken } : {}),
						}),
					);
					for (const face of output.Faces ?? []) {
						if (face.FaceId)
							listed.push({ providerFaceId: face.FaceId, photoId: face.ExternalImageId ?? null });
					}
					nextToken = output.NextToken;
				} while (nextToken);
			} catch (error) {
				// No collection (never indexed, or erased meanwhile): the index holds no face.
				if (isRekognitionError(error, "ResourceNotFoundException")) return [];
				throw error;
			}
			return listed;
		},

		async deleteFaces(eventId, providerFaceIds) {
			const collectionId = collectionOf(eventId);
			// Sequential: erasure is rare and not urgent, and parallel chunks would only meet throttling.
			for (const faceIds of chunkFaceIds([...new Set(providerFaceIds)])) {
				try {
					await client.send(new DeleteFacesCommand({ CollectionId: collectionId, FaceIds: faceIds }));
				} catch (error) {
					// No collection: none of its faces exist any more, which is what deleting wanted.
					if (isRekognitionError(error, "ResourceNotFoundException")) return;
					throw error;
				}
			}
		},

		async close() {
			if (ownsClient) client.destroy();
		},
	};
}

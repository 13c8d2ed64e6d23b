import type { FaceMatch } from "@aws-sdk/client-rekognition";
import type { ProviderFaceMatch } from "../ai-engine.ts";

export interface MapFaceMatchesOptions {
	minSimilarity: number;
	maxResults: number;
	/** The face searched for, when searching by id: a face is no match for itself. */
	excludeFaceId?: string;
}

/**
 * Rekognition already filters by FaceMatchThreshold and sorts, but the interface promises "most
 * similar first, none below minSimilarity", so that is enforced here rather than trusted.
 */
export function mapFaceMatches(
	matches: readonly FaceMatch[] | undefined,
	options: MapFaceMatchesOptions,
): ProviderFaceMatch[] {
	const mapped: ProviderFaceMatch[] = [];
	for (const match of matches ?? []) {
		const providerFaceId = match.Face?.FaceId;
		const similarity = match.Similarity ?? 0;
		if (!providerFaceId || providerFaceId === options.excludeFaceId) continue;
		if (similarity < options.minSimilarity) continue;
		mapped.push({ providerFaceId, similarity });
	}
	mapped.sort((a, b) => b.similarity - a.similarity);
	return mapped.slice(0, Math.max(0, options.maxResults));
}

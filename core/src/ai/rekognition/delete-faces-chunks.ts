/** DeleteFaces' documented limit: FaceIds holds 1 to 4096 ids per call. */
export const maxFaceIdsPerDeleteFaces = 4096;

export function chunkFaceIds(faceIds: readonly string[], size = maxFaceIdsPerDeleteFaces): string[][] {
	const chunks: string[][] = [];
	for (let start = 0; start < faceIds.length; start += size) {
		chunks.push(faceIds.slice(start, start + size));
	}
	return chunks;
}

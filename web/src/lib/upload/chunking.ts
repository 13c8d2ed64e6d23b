/**
 * PRODUCT.md §3: 25 photos per request. The server also caps a request at 100 MB and a file at
 * 60 MB (api uploadLimits); full-resolution originals can be large, so a chunk closes early
 * when its bytes would pass 90 MB (room left for the multipart envelope).
 */
export const chunkLimits = { files: 25, bytes: 90 * 1024 * 1024, fileBytes: 60 * 1024 * 1024 } as const;

/**
 * How many files from the head of the queue (their sizes, in order) make the next request now,
 * or 0 to wait for more. A chunk is sent once it is full (25 files, or the next file would pass
 * the byte cap); what is left at the end (`final`) goes as a smaller chunk.
 */
export function nextChunkLength(sizes: readonly number[], final: boolean): number {
	let count = 0;
	let bytes = 0;
	for (const size of sizes) {
		if (count === chunkLimits.files) return count;
		if (count > 0 && bytes + size > chunkLimits.bytes) return count;
		count++;
		bytes += size;
	}
	if (count === chunkLimits.files) return count;
	return final ? count : 0;
}

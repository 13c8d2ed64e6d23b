/**
 * Every number of PRODUCT.md §3 for the photo pipeline, in one place. Sizes are the long side
 * in pixels; images are never enlarged.
 */
export const imageSpec = {
	/** Private web version (pro dashboards, reprocess source): WebP q80. */
	web: { size: 1600, quality: 80 },
	/** Public lightbox image, watermarked. */
	thumb: { size: 1200, quality: 75 },
	/** Grid thumbnail. */
	micro: { size: 400, quality: 70 },
	/**
	 * What the AI engines read (never stored, but for a cloud provider). JPEG artefacts eat the
	 * edges of thin digits: the local engine on the RBNR dev photos re-encoded at q85 read 182 of
	 * 193 bibs (precision 96.3 %), at q90 187 (97.4 %), at q95 188 (97.9 %). 95 costs ≈ 2× the
	 * bytes of 85 for an image that lives one job.
	 */
	aiInput: { size: 1600, quality: 95 },
	/** Variance of the Laplacian on a 256×256 grey image; below the threshold is blurry. */
	blur: { size: 256, threshold: 30 },
	/** 64-bit DCT hash; Hamming distance ≤ 5 within an event is the same picture. */
	phash: { size: 32, maxDuplicateDistance: 5 },
	/** Smart crop around a face: padding as a fraction of the face box. */
	crop: { size: 800, quality: 80, padding: { side: 0.8, top: 0.5, bottom: 2 } },
	retouch: { brightness: 1.02, saturation: 1.05, sharpenSigma: 0.8 },
	/**
	 * WebP encoder effort (0–6). 4 is libwebp's default; 2 halves the encode time for ≈4 % larger
	 * files (measured on 1600 px race photos), and the encode is the biggest cost after the decode.
	 */
	webpEffort: 2,
	/** Decompression-bomb guard when the caller gives none (same default as MAX_IMAGE_PIXELS). */
	maxPixels: 100_000_000,
} as const;

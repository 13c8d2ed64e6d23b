/** PRODUCT.md §3: the browser shrinks photos before sending them. */
export const shrinkSettings = { maxSide: 2400, quality: 0.85 } as const;

/**
 * The JPEG to upload instead of `file`, at most 2400 px on its long side, or null to send the
 * file as it is: already small enough (it then keeps its own EXIF), not decodable by this
 * browser (HEIC outside Safari — the server converts it), or not an image at all (the server
 * says why, in the pro's language). Never throws.
 */
export async function shrinkImage(file: Blob): Promise<Blob | null> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
	} catch {
		return null;
	}
	try {
		const longSide = Math.max(bitmap.width, bitmap.height);
		if (longSide <= shrinkSettings.maxSide || bitmap.width === 0 || bitmap.height === 0) return null;
		const scale = shrinkSettings.maxSide / longSide;
		const width = Math.max(1, Math.round(bitmap.width * scale));
		const height = Math.max(1, Math.round(bitmap.height * scale));
		const blob = await drawJpeg(bitmap, width, height);
		// A re-encode bigger than the original (already heavily compressed) is no gain.
		return blob && blob.size < file.size ? blob : null;
	} catch {
		return null;
	} finally {
		bitmap.close();
	}
}

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
	const options = { type: "image/jpeg", quality: shrinkSettings.quality };
	if (typeof OffscreenCanvas !== "undefined") {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext("2d");
		if (!context) return null;
		paint(context, bitmap, width, height);
		return canvas.convertToBlob(options);
	}
	const canvas = document.createElement("canvas");
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext("2d");
	if (!context) return null;
	paint(context, bitmap, width, height);
	return new Promise((resolve) => canvas.toBlob(resolve, options.type, options.quality));
}

function paint(
	context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
	bitmap: ImageBitmap,
	width: number,
	height: number,
): void {
	// JPEG has no transparency: a transparent PNG gets white, not black.
	context.fillStyle = "#fff";
	context.fillRect(0, 0, width, height);
	context.imageSmoothingEnabled = true;
	context.imageSmoothingQuality = "high";
	context.drawImage(bitmap, 0, 0, width, height);
}

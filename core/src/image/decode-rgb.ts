import { createSharp } from "./sharp.ts";

/** Interleaved 8-bit RGB, top row first. */
export interface RgbImage {
	data: Uint8Array;
	width: number;
	height: number;
}

/**
 * Decodes an engine image to the raw RGB the OCR and face models take, once per photo: every
 * crop is cut from these pixels, never from a re-encoded JPEG (a second lossy pass blurs small
 * digits). EXIF orientation is applied so a selfie taken sideways is seen upright (the
 * pipeline's AI JPEGs are already upright); alpha (PNG selfies) is flattened on white like the
 * rest of the pipeline does.
 */
export async function decodeRgb(data: Uint8Array, options: { maxSide?: number } = {}): Promise<RgbImage> {
	const decoder = createSharp(data, { autoOrient: true, failOn: "error" });
	// A smaller decode where detail does not matter (colour histograms): JPEG shrinks on load.
	if (options.maxSide)
		decoder.resize({
			width: options.maxSide,
			height: options.maxSide,
			fit: "inside",
			withoutEnlargement: true,
		});
	const { data: pixels, info } = await decoder
		.flatten({ background: "#ffffff" })
		.toColourspace("srgb")
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	if (info.channels !== 3) throw new Error(`decodeRgb: ${info.channels} channels, expected 3`);
	return {
		data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
		width: info.width,
		height: info.height,
	};
}

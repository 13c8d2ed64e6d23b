import { rejectionFromSharpError } from "./image-rejected-error.ts";
import { createSharp, type Sharp } from "./sharp.ts";

/** Decoded 8-bit pixels, interleaved, top row first. */
export interface RawImage {
	data: Buffer;
	width: number;
	height: number;
	channels: 1 | 3 | 4;
}

export interface DecodeImageOptions {
	/** Long side of the result; never enlarged. */
	maxSize: number;
	maxPixels: number;
}

/**
 * The one full decode of a photo: JPEG shrink-on-load (libjpeg decodes at 1/2, 1/4 or 1/8
 * scale when the target allows it, so a 24 MP file costs a 6 MP decode and 45 MP a 3 MP one),
 * EXIF orientation applied, alpha flattened on white, CMYK / 16-bit / grey / ICC-tagged input
 * turned into 8-bit sRGB. `failOn: "error"` makes a truncated or broken file throw instead of
 * decoding into a silently grey bottom half; not sharp's default "warning", which also refuses
 * files every viewer shows fine (libjpeg's "extraneous bytes before marker" from some cameras).
 */
export async function decodeImage(input: Uint8Array, options: DecodeImageOptions): Promise<RawImage> {
	try {
		const { data, info } = await createSharp(input, {
			autoOrient: true,
			failOn: "error",
			limitInputPixels: options.maxPixels,
			sequentialRead: true,
		})
			.resize({ width: options.maxSize, height: options.maxSize, fit: "inside", withoutEnlargement: true })
			.flatten({ background: "#ffffff" })
			.toColourspace("srgb")
			.raw({ depth: "uchar" })
			.toBuffer({ resolveWithObject: true });
		return { data, width: info.width, height: info.height, channels: checkChannels(info.channels, [3]) };
	} catch (err) {
		throw rejectionFromSharpError(err);
	}
}

/** A pipeline over decoded pixels (no decode: libvips wraps the buffer). */
export function fromRaw(image: RawImage): Sharp {
	const { width, height, channels } = image;
	return createSharp(image.data, { raw: { width, height, channels } });
}

/**
 * The grey pixels of `image` resized to exactly size×size (aspect ignored, as the blur and hash
 * definitions want). TRAP: sharp turns 1-channel raw input back into 3 channels unless
 * greyscale() is asked again, so it is always asked, and the channel count checked.
 */
export async function greyThumbnail(image: RawImage, size: number): Promise<Uint8Array> {
	const { data, info } = await fromRaw(image)
		.resize(size, size, { fit: "fill" })
		.greyscale()
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	checkChannels(info.channels, [1]);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function checkChannels<T extends 1 | 3 | 4>(channels: number, expected: readonly T[]): T {
	const found = expected.find((c) => c === channels);
	if (found === undefined)
		throw new Error(`image pipeline produced ${channels} channels, expected ${expected.join(" or ")}`);
	return found;
}

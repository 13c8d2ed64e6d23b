import { createSharp } from "./sharp.ts";

/** Interleaved 8-bit RGB, top row first. */
export interface RgbImage {
	data: Uint8Array;
	width: number;
	height: number;
}

/**
 * The photos decoded last, by buffer. One AI step decodes its photo for the face detector, the
 * OCR page and the outfits: without this, the same JPEG was decoded twice in full (≈ 25–40 ms
 * each at 1600 px) and once more, smaller, for the outfits. Keyed by the buffer itself (an
 * engine image is never changed in place) and bounded to about the photos one worker process
 * reads at a time, so a caller holding many images (a benchmark, the soak) does not keep all
 * their pixels alive.
 */
const recentDecodes: { data: Uint8Array; rgb: Promise<RgbImage> }[] = [];
const recentLimit = 4;

/**
 * Decodes an engine image to the raw RGB the OCR and face models take, once per photo: every
 * crop is cut from these pixels, never from a re-encoded JPEG (a second lossy pass blurs small
 * digits). EXIF orientation is applied so a selfie taken sideways is seen upright (the
 * pipeline's AI JPEGs are already upright); alpha (PNG selfies) is flattened on white like the
 * rest of the pipeline does. The pixels are shared by every reader of the same photo: read them,
 * never write into them.
 */
export function decodeRgb(data: Uint8Array): Promise<RgbImage> {
	const known = recentDecodes.find((entry) => entry.data === data);
	if (known) return known.rgb;
	const rgb = decode(data);
	const entry = { data, rgb };
	recentDecodes.unshift(entry);
	recentDecodes.length = Math.min(recentDecodes.length, recentLimit);
	// A photo that does not decode is not remembered: each reader gets the error afresh.
	rgb.catch(() => {
		const at = recentDecodes.indexOf(entry);
		if (at >= 0) recentDecodes.splice(at, 1);
	});
	return rgb;
}

async function decode(data: Uint8Array): Promise<RgbImage> {
	const { data: pixels, info } = await createSharp(data, { autoOrient: true, failOn: "error" })
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

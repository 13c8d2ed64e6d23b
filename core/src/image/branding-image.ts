import { rejectionFromSharpError } from "./image-rejected-error.ts";
import { acceptedFormatOf, normaliseUpload } from "./normalise-upload.ts";
import { createSharp } from "./sharp.ts";

export type BrandingImageKind = "poster" | "logo";

/**
 * An event's poster (the public page's cover and its Open Graph image: 1600 px wide at most,
 * WebP) or logo (512 px at most, WebP keeping transparency). Oriented, metadata stripped (a
 * phone's poster photo carries GPS), decompression bombs refused like photo uploads.
 */
export async function prepareBrandingImage(
	buffer: Buffer,
	kind: BrandingImageKind,
	options: { maxPixels: number },
): Promise<{ bytes: Buffer; width: number; height: number; contentType: "image/webp" }> {
	await acceptedFormatOf(buffer);
	const source = (await normaliseUpload(buffer)).buffer;
	const box = kind === "poster" ? { width: 1600, height: 1600 } : { width: 512, height: 512 };
	try {
		const { data, info } = await createSharp(source, { limitInputPixels: options.maxPixels })
			.rotate()
			.resize({ ...box, fit: "inside", withoutEnlargement: true })
			.webp({ quality: kind === "poster" ? 82 : 90, alphaQuality: 100 })
			.toBuffer({ resolveWithObject: true });
		return { bytes: data, width: info.width, height: info.height, contentType: "image/webp" };
	} catch (error) {
		throw rejectionFromSharpError(error);
	}
}

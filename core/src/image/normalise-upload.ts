import heicConvert from "heic-convert";
import { type CameraExif, readCameraExif } from "./exif.ts";
import { acceptedFormatsText, ImageRejectedError } from "./image-rejected-error.ts";
import { createBlank, createSharp } from "./sharp.ts";
import { type ImageFormat, mimeTypes, sniffFormat } from "./sniff-format.ts";

export interface NormalisedUpload {
	/** The bytes to store as the original: the upload itself, or a JPEG made from a HEIC. */
	buffer: Buffer;
	format: Exclude<ImageFormat, "heic">;
	mimeType: string;
	/** Set when the upload was converted (the HD original sold is then this JPEG). */
	convertedFrom: "heic" | null;
}

/** JPEG quality of HEIC conversions: the result becomes the HD original a runner buys. */
const heicJpegQuality = 0.92;

/**
 * Makes an upload something sharp can decode. Only HEIC (HEVC) changes: sharp's prebuilt
 * libvips reads AVIF but has no HEVC decoder, so heic-convert (libheif in WebAssembly) decodes
 * it to an upright JPEG, and the EXIF we keep (capture time, camera) is carried over.
 * Cost: ≈1–3 s of CPU per 12 MP HEIC, on upload only; cameras and the web uploader send JPEG.
 * Everything else comes back as is (no copy). Throws ImageRejectedError for empty, non-image
 * and unsupported files, like inspectImage.
 */
export async function normaliseUpload(buffer: Buffer): Promise<NormalisedUpload> {
	const format = await acceptedFormatOf(buffer);
	if (format !== "heic") return { buffer, format, mimeType: mimeTypes[format], convertedFrom: null };
	let jpeg: Buffer;
	try {
		jpeg = Buffer.from(await heicConvert({ buffer, format: "JPEG", quality: heicJpegQuality }));
	} catch (err) {
		throw new ImageRejectedError(
			"corrupt",
			"This HEIC photo could not be read: it may be damaged. Export it as JPEG and re-upload it.",
			{
				cause: err,
			},
		);
	}
	const exif = await readCameraExif(buffer);
	return {
		buffer: await withCameraExif(jpeg, exif),
		format: "jpeg",
		mimeType: mimeTypes.jpeg,
		convertedFrom: "heic",
	};
}

/**
 * The sniffed format (magic bytes, never the file name), with a HEIF container of unknown brand
 * resolved by sharp's header. Throws ImageRejectedError for what we do not accept.
 */
export async function acceptedFormatOf(buffer: Uint8Array): Promise<ImageFormat> {
	if (buffer.length === 0) throw new ImageRejectedError("empty");
	const sniffed = sniffFormat(buffer);
	switch (sniffed.kind) {
		case "accepted":
			return sniffed.format;
		case "heif": {
			const compression = await createSharp(buffer)
				.metadata()
				.then((m) => m.compression)
				.catch(() => undefined);
			return compression === "av1" ? "avif" : "heic";
		}
		case "gif": {
			// We sell stills: an animated GIF gets the clearer reason, a still one is just not accepted.
			const pages = await createSharp(buffer)
				.metadata()
				.then((m) => m.pages ?? 1)
				.catch(() => 1);
			if (pages > 1) throw new ImageRejectedError("animated");
			throw new ImageRejectedError(
				"unsupported_format",
				`GIF files are not accepted. Upload ${acceptedFormatsText} images.`,
			);
		}
		case "unsupported":
			throw new ImageRejectedError(
				"unsupported_format",
				`${sniffed.name} files are not accepted. Upload ${acceptedFormatsText} images.`,
			);
		case "unknown":
			throw new ImageRejectedError("not_an_image");
	}
}

/**
 * Puts an APP1 EXIF segment with the camera tags right after the JPEG's SOI marker. The TIFF
 * structure is written by libvips (a 1×1 JPEG made with withExif), not by hand. No Orientation
 * tag: libheif already returned upright pixels.
 */
export async function withCameraExif(jpeg: Buffer, exif: CameraExif): Promise<Buffer> {
	const ifd0: Record<string, string> = {};
	const ifd2: Record<string, string> = {};
	if (exif.cameraMake) ifd0.Make = exif.cameraMake;
	if (exif.cameraModel) ifd0.Model = exif.cameraModel;
	if (exif.cameraSerial) ifd2.BodySerialNumber = exif.cameraSerial;
	if (exif.takenAt) {
		const iso = exif.takenAt.toISOString(); // 2025-05-18T09:12:33.420Z (wall clock kept as UTC)
		ifd2.DateTimeOriginal = `${iso.slice(0, 10).replaceAll("-", ":")} ${iso.slice(11, 19)}`;
		ifd2.SubSecTimeOriginal = iso.slice(20, 23);
	}
	if (Object.keys(ifd0).length + Object.keys(ifd2).length === 0) return jpeg;
	const carrier = await createBlank({ width: 1, height: 1, channels: 3, background: "#000" })
		.withExif({ IFD0: ifd0, IFD2: ifd2 })
		.jpeg()
		.toBuffer();
	const block = (await createSharp(carrier).metadata()).exif;
	if (!block || block.length + 2 > 0xffff || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
	const marker = Buffer.from([0xff, 0xe1, (block.length + 2) >> 8, (block.length + 2) & 0xff]);
	return Buffer.concat([jpeg.subarray(0, 2), marker, block, jpeg.subarray(2)]);
}

import exifr from "exifr";
import { parseExifDate } from "./exif-date.ts";

export interface CameraExif {
	/**
	 * DateTimeOriginal (with its sub-seconds). Cameras record wall-clock time without a zone: when
	 * OffsetTimeOriginal is present it is applied, otherwise the wall clock is stored as if it were
	 * UTC (chrono sync applies a per-camera clock offset anyway, and the server's zone never leaks in).
	 */
	takenAt: Date | null;
	cameraMake: string | null;
	cameraModel: string | null;
	/** Body serial: tells two bodies of the same model apart (chrono sync offsets are per body). */
	cameraSerial: string | null;
}

export const noExif: CameraExif = { takenAt: null, cameraMake: null, cameraModel: null, cameraSerial: null };

/** Only IFD0 + the Exif IFD: no GPS (privacy), maker notes, XMP or thumbnails to parse. */
const exifrOptions = {
	tiff: true,
	exif: true,
	ifd1: false,
	gps: false,
	interop: false,
	makerNote: false,
	userComment: false,
	xmp: false,
	icc: false,
	iptc: false,
	jfif: false,
	ihdr: false,
	translateKeys: true,
	translateValues: false,
	reviveValues: false,
	mergeOutput: true,
};

const exifHeader = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

/**
 * Reads the few tags we keep. `source` is either the EXIF block libvips hands over (sharp's
 * `metadata().exif`: "Exif\0\0" + a TIFF structure) or a whole file exifr can parse (HEIC).
 * Broken EXIF never rejects a photo: it reads as "no EXIF".
 */
export async function readCameraExif(source: Uint8Array | undefined): Promise<CameraExif> {
	if (!source || source.length < 8) return noExif;
	const input = exifHeader.every((b, i) => source[i] === b) ? source.subarray(exifHeader.length) : source;
	let tags: Record<string, unknown>;
	try {
		tags = ((await exifr.parse(
			Buffer.from(input.buffer, input.byteOffset, input.byteLength),
			exifrOptions,
		)) ?? {}) as Record<string, unknown>;
	} catch {
		return noExif;
	}
	return {
		takenAt:
			parseExifDate(tags.DateTimeOriginal, tags.SubSecTimeOriginal, tags.OffsetTimeOriginal) ??
			parseExifDate(tags.CreateDate, tags.SubSecTimeDigitized, tags.OffsetTimeDigitized),
		cameraMake: cleanText(tags.Make),
		cameraModel: cleanText(tags.Model),
		cameraSerial: cleanText(tags.SerialNumber) ?? cleanText(tags.CameraSerialNumber),
	};
}

function cleanText(value: unknown): string | null {
	if (typeof value !== "string" && typeof value !== "number") return null;
	// EXIF strings are NUL-padded; no control character belongs in a camera name.
	const text = Array.from(String(value))
		.filter((ch) => ch.charCodeAt(0) >= 0x20)
		.join("")
		.trim();
	return text === "" ? null : text.slice(0, 100);
}

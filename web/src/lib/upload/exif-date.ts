/**
 * When a photo was taken, read from its JPEG EXIF in the browser. Shrinking a photo through a
 * canvas drops its EXIF, so the upload sends this date alongside (`takenAts`) and the server
 * keeps it (chrono sync and the gallery's order need it). A small APP1 parser: only IFD0 and the
 * Exif IFD, never GPS or maker notes. The date itself is read by the server's rule
 * (`@focus-racer/core/exif-date`), so both sides agree on a photo's capture time.
 */

import { parseExifDate } from "@focus-racer/core/exif-date";

/** EXIF of a JPEG sits in its first segments: 256 KiB covers it even with a big embedded preview. */
const headBytes = 256 * 1024;

const tags = {
	exifIfd: 0x8769,
	dateTimeOriginal: 0x9003,
	createDate: 0x9004,
	offsetTimeOriginal: 0x9011,
	offsetTimeDigitized: 0x9012,
	subSecTimeOriginal: 0x9291,
	subSecTimeDigitized: 0x9292,
} as const;

export async function readFileTakenAt(file: Blob): Promise<string | null> {
	try {
		return readExifTakenAt(new Uint8Array(await file.slice(0, headBytes).arrayBuffer()));
	} catch {
		// Broken EXIF never stops an upload: the server reads what it can from the file itself.
		return null;
	}
}

/**
 * DateTimeOriginal (else CreateDate) as an ISO string. Cameras record wall-clock time without a
 * zone: with OffsetTimeOriginal it is applied, otherwise the wall clock is written as if it were
 * UTC — exactly as the server reads EXIF itself, so a shrunk photo and its original agree.
 */
export function readExifTakenAt(bytes: Uint8Array): string | null {
	const tiff = findExifTiff(bytes);
	if (!tiff) return null;
	const values = readDateTags(tiff);
	const date =
		parseExifDate(
			values.get(tags.dateTimeOriginal),
			values.get(tags.subSecTimeOriginal),
			values.get(tags.offsetTimeOriginal),
		) ??
		parseExifDate(
			values.get(tags.createDate),
			values.get(tags.subSecTimeDigitized),
			values.get(tags.offsetTimeDigitized),
		);
	return date ? date.toISOString() : null;
}

/** The TIFF structure inside the APP1 "Exif\0\0" segment, or null when the file has none. */
function findExifTiff(bytes: Uint8Array): DataView | null {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let offset = 2;
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) return null;
		const marker = bytes[offset + 1] ?? 0;
		// Fill bytes, then markers without a length (RSTn, TEM).
		if (marker === 0xff) {
			offset++;
			continue;
		}
		if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			offset += 2;
			continue;
		}
		// Start of scan or end of image: the metadata segments are all before.
		if (marker === 0xda || marker === 0xd9) return null;
		const length = view.getUint16(offset + 2);
		if (length < 2) return null;
		const start = offset + 4;
		if (marker === 0xe1 && length >= 8 && isExifHeader(bytes, start)) {
			const tiffStart = start + 6;
			const tiffLength = Math.min(length - 8, bytes.length - tiffStart);
			if (tiffLength < 8) return null;
			return new DataView(bytes.buffer, bytes.byteOffset + tiffStart, tiffLength);
		}
		offset = start + length - 2;
	}
	return null;
}

function isExifHeader(bytes: Uint8Array, at: number): boolean {
	// "Exif\0\0"
	return [0x45, 0x78, 0x69, 0x66, 0x00, 0x00].every((b, i) => bytes[at + i] === b);
}

/** The ASCII date tags of IFD0 and of the Exif IFD it points to. */
function readDateTags(tiff: DataView): Map<number, string> {
	const order = tiff.getUint16(0);
	if (order !== 0x4949 && order !== 0x4d4d) return new Map();
	const little = order === 0x4949;
	if (tiff.getUint16(2, little) !== 42) return new Map();
	const found = new Map<number, string>();
	const wanted = new Set<number>(Object.values(tags));
	const readIfd = (ifdOffset: number, depth: number) => {
		if (ifdOffset < 8 || ifdOffset + 2 > tiff.byteLength || depth > 1) return;
		const count = tiff.getUint16(ifdOffset, little);
		for (let i = 0; i < count; i++) {
			const entry = ifdOffset + 2 + i * 12;
			if (entry + 12 > tiff.byteLength) return;
			const tag = tiff.getUint16(entry, little);
			const type = tiff.getUint16(entry + 2, little);
			const length = tiff.getUint32(entry + 4, little);
			if (tag === tags.exifIfd && (type === 4 || type === 13)) {
				readIfd(tiff.getUint32(entry + 8, little), depth + 1);
			} else if (wanted.has(tag) && type === 2 && length > 0 && length < 64) {
				// ASCII: inline when it fits in 4 bytes, else at the offset given.
				const at = length <= 4 ? entry + 8 : tiff.getUint32(entry + 8, little);
				if (at + length > tiff.byteLength) continue;
				let text = "";
				for (let j = 0; j < length; j++) {
					const code = tiff.getUint8(at + j);
					if (code === 0) break;
					text += String.fromCharCode(code);
				}
				found.set(tag, text.trim());
			}
		}
	};
	readIfd(tiff.getUint32(4, little), 0);
	return found;
}

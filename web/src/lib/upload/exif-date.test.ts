import { describe, expect, it } from "vitest";
import { readExifTakenAt } from "./exif-date.ts";

interface AsciiTag {
	tag: number;
	text: string;
}

/** A minimal JPEG head: SOI, maybe an APP0, then APP1 "Exif" with IFD0 → Exif IFD holding `exifTags`. */
function jpegWithExif(options: {
	littleEndian: boolean;
	ifd0?: AsciiTag[];
	exif: AsciiTag[];
	app0?: boolean;
}): Uint8Array {
	const little = options.littleEndian;
	const ifd0Tags = options.ifd0 ?? [];
	// Layout: header(8) | IFD0 | Exif IFD | strings
	const ifd0Offset = 8;
	const ifd0Size = 2 + (ifd0Tags.length + 1) * 12 + 4;
	const exifOffset = ifd0Offset + ifd0Size;
	const exifSize = 2 + options.exif.length * 12 + 4;
	let dataOffset = exifOffset + exifSize;
	const strings: Array<{ at: number; bytes: number[] }> = [];
	const tiff = new DataView(new ArrayBuffer(1024));
	tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
	tiff.setUint16(2, 42, little);
	tiff.setUint32(4, ifd0Offset, little);
	const writeEntries = (start: number, entries: AsciiTag[]) => {
		entries.forEach((entry, i) => {
			const at = start + 2 + i * 12;
			const bytes = [...entry.text].map((c) => c.charCodeAt(0)).concat(0);
			tiff.setUint16(at, entry.tag, little);
			tiff.setUint16(at + 2, 2, little);
			tiff.setUint32(at + 4, bytes.length, little);
			if (bytes.length <= 4) {
				bytes.forEach((b, j) => {
					tiff.setUint8(at + 8 + j, b);
				});
			} else {
				tiff.setUint32(at + 8, dataOffset, little);
				strings.push({ at: dataOffset, bytes });
				dataOffset += bytes.length;
			}
		});
	};
	tiff.setUint16(ifd0Offset, ifd0Tags.length + 1, little);
	writeEntries(ifd0Offset, ifd0Tags);
	const pointer = ifd0Offset + 2 + ifd0Tags.length * 12;
	tiff.setUint16(pointer, 0x8769, little);
	tiff.setUint16(pointer + 2, 4, little);
	tiff.setUint32(pointer + 4, 1, little);
	tiff.setUint32(pointer + 8, exifOffset, little);
	tiff.setUint16(exifOffset, options.exif.length, little);
	writeEntries(exifOffset, options.exif);
	for (const s of strings) {
		s.bytes.forEach((b, j) => {
			tiff.setUint8(s.at + j, b);
		});
	}
	const tiffBytes = new Uint8Array(tiff.buffer, 0, dataOffset);
	const app1Length = 2 + 6 + tiffBytes.length;
	const app0 = options.app0
		? [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
		: [];
	return new Uint8Array([
		0xff,
		0xd8,
		...app0,
		0xff,
		0xe1,
		app1Length >> 8,
		app1Length & 0xff,
		0x45,
		0x78,
		0x69,
		0x66,
		0,
		0,
		...tiffBytes,
		0xff,
		0xda,
		0,
		2,
	]);
}

describe("readExifTakenAt", () => {
	it("reads DateTimeOriginal as wall-clock UTC, little-endian, after an APP0", () => {
		const bytes = jpegWithExif({
			littleEndian: true,
			app0: true,
			exif: [{ tag: 0x9003, text: "2026:10:18 09:12:33" }],
		});
		expect(readExifTakenAt(bytes)).toBe("2026-10-18T09:12:33.000Z");
	});

	it("applies sub-seconds and OffsetTimeOriginal, big-endian", () => {
		const bytes = jpegWithExif({
			littleEndian: false,
			ifd0: [{ tag: 0x0132, text: "2020:01:01 00:00:00" }],
			exif: [
				{ tag: 0x9003, text: "2026:10:18 09:12:33" },
				{ tag: 0x9011, text: "+02:00" },
				{ tag: 0x9291, text: "42" },
			],
		});
		expect(readExifTakenAt(bytes)).toBe("2026-10-18T07:12:33.420Z");
	});

	it("falls back to CreateDate", () => {
		const bytes = jpegWithExif({ littleEndian: true, exif: [{ tag: 0x9004, text: "2025:05:18 10:00:00" }] });
		expect(readExifTakenAt(bytes)).toBe("2025-05-18T10:00:00.000Z");
	});

	it("answers null without EXIF, for non-JPEG bytes and for nonsense dates", () => {
		expect(readExifTakenAt(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
		expect(readExifTakenAt(new TextEncoder().encode("this is not a photo"))).toBeNull();
		expect(readExifTakenAt(new Uint8Array())).toBeNull();
		const bad = jpegWithExif({ littleEndian: true, exif: [{ tag: 0x9003, text: "0000:00:00 00:00:00" }] });
		expect(readExifTakenAt(bad)).toBeNull();
	});

	it("survives a truncated segment", () => {
		const bytes = jpegWithExif({ littleEndian: true, exif: [{ tag: 0x9003, text: "2026:10:18 09:12:33" }] });
		expect(() => readExifTakenAt(bytes.subarray(0, 30))).not.toThrow();
	});
});

import { describe, expect, it } from "vitest";
import { readCameraExif } from "./exif.ts";
import { parseExifDate } from "./exif-date.ts";
import { cameraJpeg } from "./image-fixtures.testkit.ts";
import { ImageRejectedError } from "./image-rejected-error.ts";
import { normaliseUpload, withCameraExif } from "./normalise-upload.ts";
import { createBlank, createSharp } from "./sharp.ts";
import { sniffFormat } from "./sniff-format.ts";

function ftyp(major: string, ...compatible: string[]): Buffer {
	const brands = [major, "\0\0\0\0", ...compatible].join("");
	const box = Buffer.alloc(8 + brands.length);
	box.writeUInt32BE(box.length, 0);
	box.write("ftyp", 4, "latin1");
	box.write(brands, 8, "latin1");
	return Buffer.concat([box, Buffer.alloc(64)]);
}

describe("sniffFormat", () => {
	it("tells formats from their magic bytes", () => {
		expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toEqual({ kind: "accepted", format: "jpeg" });
		expect(sniffFormat(ftyp("heic", "mif1", "heic"))).toEqual({ kind: "accepted", format: "heic" });
		expect(sniffFormat(ftyp("mif1", "mif1", "avif"))).toEqual({ kind: "accepted", format: "avif" });
		expect(sniffFormat(ftyp("mif1", "mif1", "miaf"))).toEqual({ kind: "heif" });
		expect(sniffFormat(ftyp("isom", "mp41"))).toEqual({ kind: "unsupported", name: "video" });
		expect(sniffFormat(Buffer.from("BMW 3 series, bib 12"))).toEqual({ kind: "unknown" });
		expect(sniffFormat(Buffer.from("GIF89a...."))).toEqual({ kind: "gif" });
	});
});

describe("normaliseUpload", () => {
	it("leaves JPEG, PNG, WebP as they are (no copy)", async () => {
		const jpeg = await cameraJpeg({ seed: 41, width: 300, height: 200 });
		const out = await normaliseUpload(jpeg);
		expect(out).toMatchObject({ format: "jpeg", mimeType: "image/jpeg", convertedFrom: null });
		expect(out.buffer).toBe(jpeg);
		const webp = await createBlank({ width: 10, height: 10, channels: 3, background: "#fff" })
			.webp()
			.toBuffer();
		expect(await normaliseUpload(webp)).toMatchObject({ format: "webp", mimeType: "image/webp" });
	});

	it("refuses what is not an image, and a HEIC that does not decode is corrupt", async () => {
		const reason = (p: Promise<unknown>) =>
			p.then(
				() => "accepted",
				(e: unknown) => (e as ImageRejectedError).reason,
			);
		expect(await reason(normaliseUpload(Buffer.alloc(0)))).toBe("empty");
		expect(await reason(normaliseUpload(Buffer.from("hello")))).toBe("not_an_image");
		// A HEIC container with no image inside (a real HEIC fixture needs an HEVC encoder we do not have).
		const err = await normaliseUpload(ftyp("heic", "mif1", "heic")).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ImageRejectedError);
		expect((err as ImageRejectedError).reason).toBe("corrupt");
		expect((err as Error).message).toMatch(/HEIC/);
	});

	it("carries the capture time and camera into a converted JPEG", async () => {
		const plain = await createBlank({ width: 40, height: 30, channels: 3, background: "#123" })
			.jpeg()
			.toBuffer();
		const takenAt = new Date("2025-06-01T08:30:15.250Z");
		const tagged = await withCameraExif(plain, {
			takenAt,
			cameraMake: "Apple",
			cameraModel: "iPhone 15 Pro",
			cameraSerial: null,
		});
		const meta = await createSharp(tagged).metadata();
		expect([meta.width, meta.height]).toEqual([40, 30]);
		expect(meta.orientation ?? 1).toBe(1); // libheif returns upright pixels: nothing to rotate
		expect(await readCameraExif(meta.exif)).toEqual({
			takenAt,
			cameraMake: "Apple",
			cameraModel: "iPhone 15 Pro",
			cameraSerial: null,
		});
	});
});

describe("parseExifDate", () => {
	it("reads EXIF wall-clock time as UTC, with sub-seconds and offsets", () => {
		expect(parseExifDate("2025:05:18 09:12:33")?.toISOString()).toBe("2025-05-18T09:12:33.000Z");
		expect(parseExifDate("2025:05:18 09:12:33", "07")?.toISOString()).toBe("2025-05-18T09:12:33.070Z");
		expect(parseExifDate("2025:05:18 09:12:33", "123456", "+02:00")?.toISOString()).toBe(
			"2025-05-18T07:12:33.123Z",
		);
		expect(parseExifDate("2025:05:18 09:12:33", undefined, "-05:30")?.toISOString()).toBe(
			"2025-05-18T14:42:33.000Z",
		);
		expect(parseExifDate("0000:00:00 00:00:00")).toBeNull();
		expect(parseExifDate("    :  :     :  :  ")).toBeNull();
		expect(parseExifDate(42)).toBeNull();
	});
});

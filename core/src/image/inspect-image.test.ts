import { describe, expect, it } from "vitest";
import { bombPng, cameraJpeg } from "./image-fixtures.testkit.ts";
import { ImageRejectedError } from "./image-rejected-error.ts";
import { inspectImage } from "./inspect-image.ts";
import { processPhoto } from "./process-photo.ts";
import { createBlank, createSharp } from "./sharp.ts";

async function reasonOf(promise: Promise<unknown>): Promise<string> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(ImageRejectedError);
	const rejected = err as ImageRejectedError;
	// Every rejection speaks to a photographer: a sentence, no libvips jargon.
	expect(rejected.message).toMatch(/^[A-Z].*\.$/);
	expect(rejected.message).not.toMatch(/vips|jpeg_|spng/i);
	expect(rejected.code).toBe("BAD_REQUEST");
	return rejected.reason;
}

describe("inspectImage", () => {
	it("reads size, orientation, capture time and camera from a camera JPEG", async () => {
		const jpeg = await cameraJpeg({
			seed: 11,
			width: 3000,
			height: 2000,
			orientation: 6,
			dateTimeOriginal: "2024:09:29 10:04:05",
			subSec: "5",
			make: "NIKON CORPORATION",
			model: "NIKON Z 9",
			serial: "6001234",
		});
		expect(await inspectImage(jpeg)).toEqual({
			format: "jpeg",
			width: 3000,
			height: 2000,
			orientedWidth: 2000,
			orientedHeight: 3000,
			hasAlpha: false,
			pages: 1,
			takenAt: new Date("2024-09-29T10:04:05.500Z"),
			cameraMake: "NIKON CORPORATION",
			cameraModel: "NIKON Z 9",
			cameraSerial: "6001234",
		});
	});

	it("accepts PNG with alpha, WebP, TIFF and AVIF stills; no EXIF reads as nulls", async () => {
		const rgba = await createBlank({
			width: 64,
			height: 48,
			channels: 4,
			background: { r: 1, g: 2, b: 3, alpha: 0.5 },
		})
			.png()
			.toBuffer();
		const png = await inspectImage(rgba);
		expect(png).toMatchObject({
			format: "png",
			width: 64,
			height: 48,
			hasAlpha: true,
			takenAt: null,
			cameraMake: null,
		});
		const base = createBlank({ width: 64, height: 48, channels: 3, background: "#345" });
		expect((await inspectImage(await base.clone().webp().toBuffer())).format).toBe("webp");
		expect((await inspectImage(await base.clone().tiff().toBuffer())).format).toBe("tiff");
		expect((await inspectImage(await base.clone().avif({ effort: 0 }).toBuffer())).format).toBe("avif");
	});

	it("refuses empty files and files that are not images", async () => {
		expect(await reasonOf(inspectImage(Buffer.alloc(0)))).toBe("empty");
		// A text file named photo.jpg: the name is never trusted, only the bytes.
		expect(await reasonOf(inspectImage(Buffer.from("Bib,Name\n101,Ada\n")))).toBe("not_an_image");
		expect(await reasonOf(inspectImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])))).toBe("corrupt");
	});

	it("refuses formats we do not sell: still GIF, SVG, PDF, BMP", async () => {
		const gif = await createBlank({ width: 20, height: 20, channels: 3, background: "#f00" })
			.gif()
			.toBuffer();
		expect(await reasonOf(inspectImage(gif))).toBe("unsupported_format");
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
		expect(await reasonOf(inspectImage(svg))).toBe("unsupported_format");
		expect(await reasonOf(inspectImage(Buffer.from("%PDF-1.7\n%âãÏÓ\n")))).toBe("unsupported_format");
		const bmp = Buffer.alloc(64);
		bmp.write("BM", 0, "latin1");
		bmp[14] = 40;
		expect(await reasonOf(inspectImage(bmp))).toBe("unsupported_format");
	});

	it("refuses animated GIF and WebP (we sell stills)", async () => {
		const frames = await Promise.all(
			[0, 1].map((i) =>
				createBlank({ width: 30, height: 30, channels: 3, background: { r: i * 200, g: 0, b: 0 } })
					.png()
					.toBuffer(),
			),
		);
		const gif = await createSharp(frames, { join: { animated: true } })
			.gif()
			.toBuffer();
		const webp = await createSharp(frames, { join: { animated: true } })
			.webp()
			.toBuffer();
		expect(await reasonOf(inspectImage(gif))).toBe("animated");
		expect(await reasonOf(inspectImage(webp))).toBe("animated");
	});

	it("refuses a truncated JPEG before any credit is charged", async () => {
		const jpeg = await cameraJpeg({ seed: 12, width: 2000, height: 1500 });
		const cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.7));
		expect(await reasonOf(inspectImage(cut))).toBe("corrupt");
		// A complete file with bytes after its end marker (phone trailers) is fine.
		const trailer = Buffer.concat([jpeg, Buffer.from("SEFHtrailer-data-from-a-phone".repeat(8))]);
		expect((await inspectImage(trailer)).width).toBe(2000);
	});

	it("refuses a 20000×20000 PNG bomb from its header, without decoding it", async () => {
		const bomb = bombPng(20_000, 20_000);
		expect(bomb.length).toBeLessThan(200_000);
		const before = process.memoryUsage().rss;
		expect(await reasonOf(inspectImage(bomb, { maxPixels: 100_000_000 }))).toBe("too_many_pixels");
		expect(await reasonOf(processPhoto(bomb, { maxPixels: 100_000_000 }))).toBe("too_many_pixels");
		// Decoded it would be 400 MB (1 byte per pixel) at the very least.
		expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
		const err = await inspectImage(bomb, { maxPixels: 100_000_000 }).catch((e: unknown) => e);
		expect((err as Error).message).toContain("20000 × 20000");
	});

	it("honours the configured pixel limit", async () => {
		const jpeg = await cameraJpeg({ seed: 13, width: 1000, height: 1000 });
		expect(await reasonOf(inspectImage(jpeg, { maxPixels: 999_999 }))).toBe("too_many_pixels");
		expect((await inspectImage(jpeg, { maxPixels: 1_000_000 })).width).toBe(1000);
	});
});

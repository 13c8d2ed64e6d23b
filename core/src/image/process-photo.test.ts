import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage, fromRaw } from "./decode-image.ts";
import { cameraJpeg, isJpeg, isWebp, meanAbsDiff } from "./image-fixtures.testkit.ts";
import { ImageRejectedError } from "./image-rejected-error.ts";
import { hammingDistance } from "./phash.ts";
import { processPhoto } from "./process-photo.ts";
import { createBlank, createSharp } from "./sharp.ts";

async function rejection(promise: Promise<unknown>): Promise<string> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(ImageRejectedError);
	return (err as ImageRejectedError).reason;
}

async function rawOf(image: Buffer) {
	return createSharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe("processPhoto on a 24 MP camera JPEG (EXIF orientation 6)", () => {
	let camera: Buffer;
	let result: Awaited<ReturnType<typeof processPhoto>>;

	beforeAll(async () => {
		camera = await cameraJpeg({
			seed: 1,
			orientation: 6,
			dateTimeOriginal: "2025:05:18 09:12:33",
			subSec: "42",
			serial: "0123456",
		});
		result = await processPhoto(camera);
	});

	it("reports the original's displayed size and the EXIF it keeps", () => {
		// Stored 6000×4000 landscape, orientation 6: displayed as portrait.
		expect([result.width, result.height]).toEqual([4000, 6000]);
		expect(result.format).toBe("jpeg");
		expect(result.takenAt?.toISOString()).toBe("2025-05-18T09:12:33.420Z");
		expect([result.cameraMake, result.cameraModel, result.cameraSerial]).toEqual([
			"Canon",
			"EOS R6",
			"0123456",
		]);
	});

	it("makes every derivative at its size and format, upright", async () => {
		expect(isWebp(result.web) && isWebp(result.thumb) && isWebp(result.micro)).toBe(true);
		expect(isJpeg(result.aiInput)).toBe(true);
		const web = await createSharp(result.web).metadata();
		const thumb = await createSharp(result.thumb).metadata();
		const micro = await createSharp(result.micro).metadata();
		const ai = await createSharp(result.aiInput).metadata();
		expect([web.format, web.width, web.height]).toEqual(["webp", 1067, 1600]);
		expect([thumb.width, thumb.height]).toEqual([800, 1200]);
		expect([micro.width, micro.height]).toEqual([267, 400]);
		expect([ai.format, ai.width, ai.height]).toEqual(["jpeg", 1067, 1600]);
		expect(result.sizes).toEqual({
			web: { width: 1067, height: 1600 },
			thumb: { width: 800, height: 1200 },
			micro: { width: 267, height: 400 },
			aiInput: { width: 1067, height: 1600 },
		});
		// No EXIF leaks into public derivatives (GPS, serials), and nothing left to rotate.
		expect(thumb.exif).toBeUndefined();
		expect(thumb.orientation).toBeUndefined();
	});

	it("gives a 64-bit hash, a blur score and a quality score", () => {
		expect(result.phash).toMatch(/^[0-9a-f]{16}$/);
		expect(result.blurScore).toBeGreaterThan(30);
		expect(result.qualityScore).toBeGreaterThanOrEqual(0);
		expect(result.qualityScore).toBeLessThanOrEqual(100);
		expect(result.decoded).toBeNull();
	});

	it("watermarks the thumbnail visibly (versus a plain resize of the same pixels)", async () => {
		const decoded = await decodeImage(camera, { maxSize: 1600, maxPixels: 1e8 });
		const plain = await fromRaw(decoded).resize(1200, 1200, { fit: "inside" }).raw().toBuffer();
		const marked = await rawOf(result.thumb);
		const diff = meanAbsDiff(plain, marked.data);
		expect(diff).toBeGreaterThan(4);
		// The micro thumbnail is public too: it carries the watermark as well.
		const plainMicro = await fromRaw(decoded).resize(400, 400, { fit: "inside" }).raw().toBuffer();
		expect(meanAbsDiff(plainMicro, (await rawOf(result.micro)).data)).toBeGreaterThan(2);
	});

	it("uses the platform watermark PNG when one is set", async () => {
		const red = await createBlank({
			width: 300,
			height: 120,
			channels: 4,
			background: { r: 255, g: 0, b: 0, alpha: 0.8 },
		})
			.png()
			.toBuffer();
		const custom = await processPhoto(camera, { watermark: red });
		const { data } = await rawOf(custom.thumb);
		const { data: defaultMarked } = await rawOf(result.thumb);
		let redder = 0;
		for (let i = 0; i < data.length; i += 3) if ((data[i] ?? 0) - (defaultMarked[i] ?? 0) > 60) redder++;
		expect(redder / (data.length / 3)).toBeGreaterThan(0.05);
		// Same photo, same web version: only the public images change.
		expect(custom.web.equals(result.web)).toBe(true);
	});

	it("keeps the decoded pixels when asked (for smart crops after the AI step)", async () => {
		const kept = await processPhoto(camera, { keepDecoded: true });
		expect(kept.decoded).toMatchObject({ width: 1067, height: 1600, channels: 3 });
		expect(kept.decoded?.data.length).toBe(1067 * 1600 * 3);
	});

	it("auto-retouch changes what people see, not the AI input nor the hashes", async () => {
		const retouched = await processPhoto(camera, { autoRetouch: true });
		expect(retouched.web.equals(result.web)).toBe(false);
		expect(retouched.aiInput.equals(result.aiInput)).toBe(true);
		expect(retouched.phash).toBe(result.phash);
		expect(retouched.blurScore).toBe(result.blurScore);
	});
});

describe("processPhoto filters", () => {
	it("a near-identical re-encode hashes within 5 bits, a different picture beyond", async () => {
		const original = await cameraJpeg({ seed: 2, width: 3000, height: 2000 });
		const reencoded = await createSharp(original).resize(2400).jpeg({ quality: 70 }).toBuffer();
		const other = await cameraJpeg({ seed: 3, width: 3000, height: 2000 });
		const [a, b, c] = await Promise.all([
			processPhoto(original),
			processPhoto(reencoded),
			processPhoto(other),
		]);
		expect(hammingDistance(a.phash, b.phash)).toBeLessThanOrEqual(5);
		expect(hammingDistance(a.phash, c.phash)).toBeGreaterThan(5);
	});

	it("a heavily blurred photo scores below 30, a sharp one above", async () => {
		// No grain: sensor noise alone would read as detail.
		const sharp = await cameraJpeg({ seed: 4, width: 1200, height: 800, grain: 0 });
		// σ 12 px on 1200 px ≈ σ 2.6 px on the 256 px blur input: a missed focus, not a soft lens.
		const blurred = await cameraJpeg({ seed: 4, width: 1200, height: 800, grain: 0, blurSigma: 12 });
		const [s, b] = await Promise.all([processPhoto(sharp), processPhoto(blurred)]);
		expect(s.blurScore).toBeGreaterThan(30);
		expect(b.blurScore).toBeLessThan(30);
		expect(s.qualityScore).toBeGreaterThan(b.qualityScore);
	});
});

describe("processPhoto on unusual but valid input", () => {
	it("converts a CMYK JPEG to sRGB", async () => {
		const cmyk = await createBlank({
			width: 800,
			height: 600,
			channels: 3,
			background: { r: 220, g: 30, b: 30 },
		})
			.toColourspace("cmyk")
			.jpeg({ quality: 95 })
			.toBuffer();
		expect((await createSharp(cmyk).metadata()).space).toBe("cmyk");
		const result = await processPhoto(cmyk);
		const web = await createSharp(result.web).raw().toBuffer({ resolveWithObject: true });
		expect(web.info.channels).toBe(3);
		const [r, g, b] = [web.data[0] ?? 0, web.data[1] ?? 0, web.data[2] ?? 0];
		expect(r).toBeGreaterThan(170);
		expect(g).toBeLessThan(80);
		expect(b).toBeLessThan(80);
	});

	it("reduces a 16-bit PNG to 8 bits with the same tones", async () => {
		const png16 = await createBlank({
			width: 900,
			height: 600,
			channels: 3,
			background: { r: 40, g: 128, b: 200 },
		})
			.toColourspace("rgb16")
			.png()
			.toBuffer();
		expect((await createSharp(png16).metadata()).depth).toBe("ushort");
		const result = await processPhoto(png16);
		expect(result.sizes.web).toEqual({ width: 900, height: 600 });
		const { data } = await rawOf(result.web);
		expect(Math.abs((data[0] ?? 0) - 40)).toBeLessThan(6);
		expect(Math.abs((data[1] ?? 0) - 128)).toBeLessThan(6);
		expect(Math.abs((data[2] ?? 0) - 200)).toBeLessThan(6);
	});

	it("flattens transparency on white and reads grey, TIFF and AVIF input", async () => {
		const transparent = await createBlank({
			width: 400,
			height: 300,
			channels: 4,
			background: { r: 0, g: 0, b: 0, alpha: 0 },
		})
			.png()
			.toBuffer();
		const { data } = await rawOf((await processPhoto(transparent)).web);
		expect(data[0]).toBeGreaterThan(240);
		const scene = await cameraJpeg({ seed: 5, width: 1200, height: 800 });
		for (const encoded of [
			await createSharp(scene).greyscale().jpeg().toBuffer(),
			await createSharp(scene).tiff().toBuffer(),
			await createSharp(scene).avif({ effort: 0 }).toBuffer(),
		]) {
			const result = await processPhoto(encoded);
			expect(result.sizes.web).toEqual({ width: 1200, height: 800 });
			expect(isWebp(result.thumb)).toBe(true);
		}
	});

	it("never enlarges a small photo", async () => {
		const small = await cameraJpeg({ seed: 6, width: 320, height: 240 });
		const result = await processPhoto(small);
		expect(result.sizes).toMatchObject({
			web: { width: 320, height: 240 },
			micro: { width: 320, height: 240 },
		});
	});
});

describe("processPhoto rejects bad input with a reason", () => {
	it("zero bytes, text named .jpg, truncated JPEG, animated GIF", async () => {
		expect(await rejection(processPhoto(Buffer.alloc(0)))).toBe("empty");
		expect(await rejection(processPhoto(Buffer.from("race results, not a photo\n")))).toBe("not_an_image");
		const jpeg = await cameraJpeg({ seed: 7, width: 2000, height: 1500 });
		expect(await rejection(processPhoto(jpeg.subarray(0, Math.floor(jpeg.length * 0.6))))).toBe("corrupt");
		const frames = await Promise.all(
			[0, 1, 2].map((i) =>
				createBlank({ width: 60, height: 40, channels: 3, background: { r: i * 100, g: 0, b: 0 } })
					.png()
					.toBuffer(),
			),
		);
		const gif = await createSharp(frames, { join: { animated: true } })
			.gif()
			.toBuffer();
		expect(await rejection(processPhoto(gif))).toBe("animated");
	});

	it("a JPEG with a broken Huffman table is corrupt", async () => {
		const jpeg = await cameraJpeg({ seed: 8, width: 1000, height: 800 });
		const broken = Buffer.from(jpeg);
		const dht = broken.indexOf(Buffer.from([0xff, 0xc4]));
		expect(dht).toBeGreaterThan(0);
		broken.fill(0xff, dht + 5, dht + 21); // the 16 code-length counts: far more codes than possible
		expect(await rejection(processPhoto(broken))).toBe("corrupt");
	});
});

import { describe, expect, it, vi } from "vitest";
import type { DecodeCall } from "./count-decodes.testkit.ts";

/** Pipelines built from compressed buffers; their `toBuffer` calls are the pixel decodes. */
const calls: DecodeCall[] = [];
const decodes = () => calls.filter((c) => c.method === "toBuffer");

vi.mock("./sharp.ts", async (importOriginal) =>
	(await import("./count-decodes.testkit.ts")).countingSharp(importOriginal, calls),
);

const { decodeRgb } = await import("./decode-rgb.ts");
const { createSharp } = await import("./sharp.ts");

async function jpeg(red: number): Promise<Buffer> {
	const pixels = Buffer.alloc(32 * 24 * 3, 0);
	for (let i = 0; i < pixels.length; i += 3) pixels[i] = red;
	return createSharp(pixels, { raw: { width: 32, height: 24, channels: 3 } })
		.jpeg({ quality: 95 })
		.toBuffer();
}

describe("decodeRgb", () => {
	it("decodes a photo once for all its readers (faces, OCR page, outfits)", async () => {
		const photo = await jpeg(200);
		calls.length = 0;
		const [faces, page, outfits] = await Promise.all([decodeRgb(photo), decodeRgb(photo), decodeRgb(photo)]);
		expect(decodes()).toHaveLength(1);
		expect(page).toBe(faces);
		expect(outfits).toBe(faces);
		expect([faces.width, faces.height, faces.data.length]).toEqual([32, 24, 32 * 24 * 3]);
		expect(faces.data[0]).toBeGreaterThan(180);
	});

	it("keeps only the last few photos: a caller holding many images does not pin their pixels", async () => {
		const first = await jpeg(10);
		await decodeRgb(first);
		for (let red = 20; red < 120; red += 10) await decodeRgb(await jpeg(red));
		calls.length = 0;
		await decodeRgb(first);
		expect(decodes()).toHaveLength(1);
	});

	it("keys by the buffer, so other bytes are never served another photo's pixels", async () => {
		const red = await jpeg(250);
		const dark = await jpeg(5);
		expect((await decodeRgb(red)).data[0]).toBeGreaterThan(230);
		expect((await decodeRgb(dark)).data[0]).toBeLessThan(25);
	});

	it("does not remember a photo that fails: each reader gets the error", async () => {
		const broken = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]);
		await expect(decodeRgb(broken)).rejects.toThrow();
		calls.length = 0;
		await expect(decodeRgb(broken)).rejects.toThrow();
		expect(decodes()).toHaveLength(1);
	});
});

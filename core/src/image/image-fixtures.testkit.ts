import { crc32, deflateSync } from "node:zlib";
import { createSharp } from "./sharp.ts";

/**
 * Real image files for the image tests, made on the fly (the repo ships no images and never
 * copies ../shared/datasets). Everything is seeded: the same seed gives the same picture.
 */

export function seededRandom(seed: number): () => number {
	let state = (seed * 2654435761) >>> 0 || 1;
	return () => {
		// xorshift32
		state ^= state << 13;
		state >>>= 0;
		state ^= state >>> 17;
		state ^= state << 5;
		state >>>= 0;
		return state / 4294967296;
	};
}

/** A race-like scene: a gradient sky, ground, coloured shapes and thin lines (edges to measure). */
export function sceneSvg(seed: number, width: number, height: number): string {
	const random = seededRandom(seed);
	const hue = Math.round(random() * 360);
	const shapes = Array.from({ length: 40 }, () => {
		const x = Math.round(random() * width);
		const y = Math.round(random() * height);
		const size = Math.round((0.03 + random() * 0.15) * height);
		const fill = `hsl(${Math.round(random() * 360)},${40 + Math.round(random() * 50)}%,${20 + Math.round(random() * 60)}%)`;
		return random() < 0.5
			? `<circle cx="${x}" cy="${y}" r="${size}" fill="${fill}"/>`
			: `<rect x="${x}" y="${y}" width="${size * 2}" height="${size}" fill="${fill}" transform="rotate(${Math.round(random() * 90)} ${x} ${y})"/>`;
	}).join("");
	const lines = Array.from({ length: 80 }, () => {
		const x = Math.round(random() * width);
		const y = Math.round(random() * height);
		const dx = Math.round((random() - 0.5) * width * 0.2);
		const dy = Math.round((random() - 0.5) * height * 0.2);
		return `<line x1="${x}" y1="${y}" x2="${x + dx}" y2="${y + dy}" stroke="${random() < 0.5 ? "#111" : "#eee"}" stroke-width="${1 + Math.round(random() * 3)}"/>`;
	}).join("");
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},40%,30%)"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes}${lines}</svg>`;
}

export interface CameraJpegOptions {
	seed: number;
	width?: number;
	height?: number;
	quality?: number;
	/** Sensor-like grain (± levels): makes the file weigh like a camera file. */
	grain?: number;
	orientation?: number;
	/** "YYYY:MM:DD HH:MM:SS" */
	dateTimeOriginal?: string;
	subSec?: string;
	make?: string;
	model?: string;
	serial?: string;
	blurSigma?: number;
}

/**
 * A camera-like JPEG: the scene drawn at 1/4 size, upscaled (smooth gradients like a lens),
 * with grain, EXIF (DateTimeOriginal, camera, orientation) written by libvips.
 */
export async function cameraJpeg(options: CameraJpegOptions): Promise<Buffer> {
	const width = options.width ?? 6000;
	const height = options.height ?? 4000;
	const small = createSharp(Buffer.from(sceneSvg(options.seed, Math.ceil(width / 4), Math.ceil(height / 4))));
	let pipeline = small.resize(width, height, { fit: "fill" });
	if (options.blurSigma) pipeline = pipeline.blur(options.blurSigma);
	const pixels = await pipeline.removeAlpha().raw().toBuffer();
	const grain = options.grain ?? 8;
	if (grain > 0) {
		const random = seededRandom(options.seed + 7);
		const clamped = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length); // saturates at 0 and 255
		for (let i = 0; i < clamped.length; i++)
			clamped[i] = (clamped[i] ?? 0) + (random() + random() - 1) * grain;
	}
	const ifd0: Record<string, string> = { Make: options.make ?? "Canon", Model: options.model ?? "EOS R6" };
	const ifd2: Record<string, string> = {};
	if (options.dateTimeOriginal) ifd2.DateTimeOriginal = options.dateTimeOriginal;
	if (options.subSec) ifd2.SubSecTimeOriginal = options.subSec;
	if (options.serial) ifd2.BodySerialNumber = options.serial;
	let out = createSharp(pixels, { raw: { width, height, channels: 3 } }).withExif({ IFD0: ifd0, IFD2: ifd2 });
	if (options.orientation) out = out.withMetadata({ orientation: options.orientation });
	return out.jpeg({ quality: options.quality ?? 92 }).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/**
 * A valid PNG of width×height, 1-bit grey, all black: a decompression bomb that weighs a few
 * tens of KB on disk (20000×20000 → ≈50 KB) and would need 400 MB+ decoded.
 */
export function bombPng(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 1; // bit depth
	ihdr[9] = 0; // grey
	const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8))); // filter byte 0 + zero bits per row
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk("IHDR", ihdr),
		pngChunk("IDAT", deflateSync(rows, { level: 9 })),
		pngChunk("IEND", Buffer.alloc(0)),
	]);
}

/** Mean absolute difference per channel value between two same-size raw buffers. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
	if (a.length !== b.length) throw new Error(`meanAbsDiff: ${a.length} vs ${b.length} bytes`);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
	return sum / a.length;
}

export function isWebp(buffer: Uint8Array): boolean {
	return (
		Buffer.from(buffer.subarray(0, 4)).toString("latin1") === "RIFF" &&
		Buffer.from(buffer.subarray(8, 12)).toString("latin1") === "WEBP"
	);
}

export function isJpeg(buffer: Uint8Array): boolean {
	return buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff;
}

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSharp } from "@focus-racer/core";

/**
 * The photos of the pipeline benchmark, as a camera and as the web uploader would send them:
 * - camera: 6000×4000 (24 MP) JPEG q92 with sensor-like grain (≈8–9 MB, like a camera file;
 *   without grain an upscaled photo compresses to 2 MB and decodes 3× faster than real ones);
 * - browser: the same pixels shrunk to 2400 px long side, JPEG q85 (PRODUCT §3 client-side shrink).
 * Made from the real race photos of ../shared/datasets/rbnr-dev when present (read only, never
 * copied into the repo), else from generated scenes. Generated in a child process (its 72 MB
 * raw buffers never count in the benchmark's RSS) and cached under the OS temp directory.
 */
export interface BenchPhotos {
	source: "rbnr-dev" | "generated";
	camera: Buffer[];
	browser: Buffer[];
	names: string[];
	directory: string;
}

const version = "v3";
const here = fileURLToPath(import.meta.url);
export const datasetDir = resolve(here, "../../../../../shared/datasets/rbnr-dev/images");

export function loadBenchPhotos(count: number, log: (line: string) => void): BenchPhotos {
	const source = existsSync(datasetDir) ? "rbnr-dev" : "generated";
	const directory = join(tmpdir(), "focus-racer-bench", `${source}-${count}-${version}`);
	const done = join(directory, "done");
	if (!existsSync(done)) {
		log(
			source === "rbnr-dev"
				? `generating ${count} camera-like photos from ${datasetDir} into ${directory} …`
				: `../shared/datasets/rbnr-dev not found: generating ${count} synthetic race-like scenes into ${directory} …`,
		);
		const child = spawnSync(process.execPath, [here, directory, String(count), source], { stdio: "inherit" });
		if (child.status !== 0) throw new Error(`photo generation failed (exit ${child.status})`);
	} else {
		log(`using cached photos in ${directory}`);
	}
	const names = readFileSync(done, "utf8").trim().split("\n");
	return {
		source,
		names,
		directory,
		camera: names.map((n) => readFileSync(join(directory, `${n}-24mp.jpg`))),
		browser: names.map((n) => readFileSync(join(directory, `${n}-2400.jpg`))),
	};
}

export function pickEvenly<T>(items: readonly T[], count: number): T[] {
	if (items.length <= count) return [...items];
	return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/** A race-like scene for machines without the dataset: sky, ground, runners as shapes, bibs. */
function syntheticSvg(seed: number, width: number, height: number): string {
	let state = seed * 7919 + 17;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const horizon = Math.round(height * (0.35 + random() * 0.2));
	const shapes = Array.from({ length: 30 }, () => {
		const x = Math.round(random() * width);
		const y = Math.round(horizon + random() * (height - horizon));
		const r = Math.round(height * (0.02 + random() * 0.08));
		return `<rect x="${x}" y="${y - 3 * r}" width="${2 * r}" height="${4 * r}" rx="${r / 2}" fill="hsl(${Math.round(random() * 360)},60%,45%)"/><rect x="${x + r / 3}" y="${y - 2 * r}" width="${(4 * r) / 3}" height="${r}" fill="#fff"/><circle cx="${x + r}" cy="${y - 3.6 * r}" r="${r * 0.6}" fill="hsl(25,40%,${40 + Math.round(random() * 30)}%)"/>`;
	}).join("");
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6aa7e0"/><stop offset="1" stop-color="#eef4fa"/></linearGradient></defs><rect width="${width}" height="${horizon}" fill="url(#s)"/><rect y="${horizon}" width="${width}" height="${height - horizon}" fill="hsl(${60 + Math.round(random() * 60)},30%,35%)"/>${shapes}</svg>`;
}

async function generate(directory: string, count: number, source: string): Promise<void> {
	mkdirSync(directory, { recursive: true });
	const inputs =
		source === "rbnr-dev"
			? pickEvenly(
					readdirSync(datasetDir)
						.filter((f) => /\.jpe?g$/i.test(f))
						.sort(),
					count,
				).map((f) => ({
					name: f.replace(/\.[^.]+$/, ""),
					image: () => createSharp(join(datasetDir, f)),
				}))
			: Array.from({ length: count }, (_, i) => ({
					name: `scene${String(i + 1).padStart(2, "0")}`,
					image: () => createSharp(Buffer.from(syntheticSvg(i + 1, 1500, 1000))),
				}));
	const names: string[] = [];
	for (const [i, input] of inputs.entries()) {
		const meta = await input.image().metadata();
		const portrait = meta.height > meta.width;
		const [width, height] = portrait ? [4000, 6000] : [6000, 4000];
		const pixels = await input.image().resize(width, height, { fit: "cover" }).removeAlpha().raw().toBuffer();
		let state = (i + 1) * 2654435761;
		const clamped = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length); // saturates at 0 and 255
		for (let p = 0; p < clamped.length; p++) {
			// Triangular grain of ±24 levels (σ ≈ 10), what a 24 MP sensor leaves at ISO 1600–3200 and what
			// makes the file weigh like a camera JPEG (8–10 MB). xorshift32:
			// an LCG's low bytes repeat every 256 values and JPEG would compress them away.
			state ^= state << 13;
			state ^= state >>> 17;
			state ^= state << 5;
			clamped[p] = (clamped[p] ?? 0) + ((((state >>> 24) + ((state >>> 16) & 0xff)) * 24) >> 8) - 24;
		}
		const raw = { raw: { width, height, channels: 3 as const } };
		const camera = await createSharp(pixels, raw)
			.withExif({
				IFD0: { Make: "Canon", Model: "EOS R6" },
				IFD2: { DateTimeOriginal: `2025:05:18 09:${String(10 + i).padStart(2, "0")}:00` },
			})
			.jpeg({ quality: 92 })
			.toBuffer();
		const browser = await createSharp(pixels, raw)
			.resize(2400, 2400, { fit: "inside" })
			.jpeg({ quality: 85 })
			.toBuffer();
		writeFileSync(join(directory, `${input.name}-24mp.jpg`), camera);
		writeFileSync(join(directory, `${input.name}-2400.jpg`), browser);
		names.push(input.name);
		process.stdout.write(
			`  ${input.name}: ${width}×${height} ${(camera.length / 1e6).toFixed(1)} MB, 2400 px ${(browser.length / 1e6).toFixed(2)} MB\n`,
		);
	}
	writeFileSync(join(directory, "done.tmp"), names.join("\n"));
	renameSync(join(directory, "done.tmp"), join(directory, "done"));
}

if (process.argv[1] === here) {
	const [directory, count, source] = process.argv.slice(2);
	if (!directory || !count || !source) throw new Error("usage: bench-photos.ts <directory> <count> <source>");
	await generate(directory, Number(count), source);
}

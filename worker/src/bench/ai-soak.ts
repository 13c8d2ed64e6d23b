import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
	type AiImage,
	createLocalEngine,
	defaultAiSettings,
	makeDemoRacePhoto,
	readBibs,
	readOutfits,
	toAiImage,
} from "@focus-racer/core";

/**
 * `npm run soak:ai [-- --photos 10000] [--every 500] [<dir of JPEGs>]`: the local engine (faces,
 * torso OCR, fallback pages) and the outfits' person masks on a long stream of photos in one process, as a worker runs it for
 * a race day, sampling memory as it goes. A leak in the ONNX sessions or our
 * own buffers shows as a slope of RSS or heap per thousand photos after the warm-up. Photos
 * cycle through ../shared/datasets/rbnr-dev/images (or <dir>), else generated race photos.
 * Figures only; the last line is one JSON object.
 */
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		photos: { type: "string", default: "10000" },
		every: { type: "string", default: "500" },
		warmup: { type: "string", default: "100" },
	},
});
const total = Math.max(1, Number(values.photos));
const every = Math.max(1, Number(values.every));
const warmup = Math.max(0, Number(values.warmup));
const log = (line = "") => process.stdout.write(`${line}\n`);
const here = fileURLToPath(import.meta.url);
const dir = path.resolve(
	positionals[0] ?? path.resolve(here, "../../../../../shared/datasets/rbnr-dev/images"),
);

async function loadImages(): Promise<{ source: string; images: AiImage[] }> {
	if (existsSync(dir)) {
		const files = readdirSync(dir)
			.filter((f) => /\.jpe?g$/i.test(f))
			.sort()
			.slice(0, 60);
		if (files.length > 0) {
			const images = await Promise.all(
				files.map((f) => toAiImage(readFileSync(path.join(dir, f)), { maxPixels: 100_000_000 })),
			);
			return { source: `${files.length} photos of ${dir}`, images };
		}
	}
	const images = await Promise.all(
		Array.from({ length: 12 }, async (_, i) =>
			toAiImage(await makeDemoRacePhoto({ seed: i, bibs: [String(100 + i)], width: 1600, height: 1066 }), {
				maxPixels: 100_000_000,
			}),
		),
	);
	return { source: "12 generated race photos", images };
}

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
	const n = points.length;
	if (n < 2) return 0;
	const mx = points.reduce((s, p) => s + p.x, 0) / n;
	const my = points.reduce((s, p) => s + p.y, 0) / n;
	const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
	const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
	return den === 0 ? 0 : num / den;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const settings = defaultAiSettings("local");
const rules = {
	minConfidence: settings.bibMinConfidence,
	minLength: settings.bibMinLength,
	maxLength: settings.bibMaxLength,
};
const engine = createLocalEngine();
const { source, images } = await loadImages();
log(`soak:ai: ${total} photos (after ${warmup} warm-up) cycling through ${source}, memory every ${every}`);

async function readOne(i: number): Promise<number> {
	const image = images[i % images.length] as AiImage;
	const faces = await engine.detectFaces(image);
	const bibs = await readBibs(engine, image, faces, rules);
	// The AI step's outfits too: their person masks are one more onnxruntime session per process.
	await readOutfits(
		image,
		faces.map((face) => face.box),
	);
	return bibs.length;
}

for (let i = 0; i < warmup; i++) await readOne(i);
const samples: { photos: number; rss: number; heap: number; external: number }[] = [];
const sample = (photos: number) => {
	const m = process.memoryUsage();
	samples.push({ photos, rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers });
	log(
		`  ${String(photos).padStart(6)} photos  rss ${mb(m.rss)} MB  heap ${mb(m.heapUsed)} MB  external ${mb(m.external + m.arrayBuffers)} MB`,
	);
};
sample(0);
const start = performance.now();
const cpuStart = process.cpuUsage();
let bibs = 0;
for (let i = 0; i < total; i++) {
	bibs += await readOne(warmup + i);
	if ((i + 1) % every === 0 || i + 1 === total) sample(i + 1);
}
const cpu = process.cpuUsage(cpuStart);
await engine.close();

const per1000 = (key: "rss" | "heap" | "external") =>
	Math.round(mb(slope(samples.map((s) => ({ x: s.photos / 1000, y: s[key] })))) * 10) / 10;
const first = samples[0];
const last = samples.at(-1);
const result = {
	bench: "ai-soak",
	photos: total,
	bibs_read: bibs,
	rss_start_mb: mb(first?.rss ?? 0),
	rss_end_mb: mb(last?.rss ?? 0),
	rss_peak_mb: mb(Math.max(...samples.map((s) => s.rss))),
	rss_slope_mb_per_1000: per1000("rss"),
	heap_slope_mb_per_1000: per1000("heap"),
	external_slope_mb_per_1000: per1000("external"),
	cpu_ms_per_photo: Math.round((cpu.user + cpu.system) / 1000 / total),
	wall_ms_per_photo: Math.round((performance.now() - start) / total),
};
log(
	`RSS ${result.rss_start_mb} → ${result.rss_end_mb} MB (peak ${result.rss_peak_mb}); slope ${result.rss_slope_mb_per_1000} MB per 1000 photos (heap ${result.heap_slope_mb_per_1000}, external ${result.external_slope_mb_per_1000}); ${result.cpu_ms_per_photo} ms CPU per photo`,
);
log(JSON.stringify(result));

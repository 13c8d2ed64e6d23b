import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
	createCpuLimit,
	hammingDistance,
	imageSpec,
	type ProcessedPhoto,
	processPhoto,
	setSharpConcurrency,
	sharpSettings,
	sharpVersions,
} from "@focus-racer/core";
import { loadBenchPhotos } from "./bench-photos.ts";
import { median } from "./bench-stats.ts";
import { measureEndToEnd } from "./end-to-end.ts";
import { psnr } from "./image-compare.ts";
import { oldPipeline, type PipelineOutputs } from "./old-pipeline.ts";

/**
 * `npm run bench:pipeline [-- --photos 12 --runs 3 --skip-threads]`: the old approach (seven
 * pipelines over the original in Promise.all) against ours (one decode, everything derived) on
 * the same photos in ONE process. CPU ms per photo come from process.cpuUsage() (all threads,
 * median of the runs); photos/s on all cores is wall time through the CPU limit. Figures only,
 * never assertions. The last line is one JSON object.
 */
const { values } = parseArgs({
	options: {
		photos: { type: "string", default: "12" },
		runs: { type: "string", default: "3" },
		"skip-threads": { type: "boolean", default: false },
		// Internal: the fresh child process that measures peak RSS of one approach on one set.
		"rss-probe": { type: "string" },
		set: { type: "string", default: "camera" },
	},
});
const photoCount = Math.max(1, Number(values.photos));
const runs = Math.max(1, Number(values.runs));
const cores = availableParallelism();
const log = (line = "") => process.stdout.write(`${line}\n`);

type Pipeline = (photo: Buffer) => Promise<unknown>;
const ours = (photo: Buffer) => processPhoto(photo);

/**
 * Peak RSS of one approach running `set` through the CPU limit, in a FRESH process: RSS never
 * shrinks back after a big decode (malloc arenas keep the pages), so measured in the main process
 * the first approach would pollute the figure of the second.
 */
function peakRssInChild(
	approach: "old" | "new",
	set: "camera" | "browser",
): { peakMb: number; baselineMb: number } {
	const child = spawnSync(
		process.execPath,
		[fileURLToPath(import.meta.url), "--rss-probe", approach, "--set", set, "--photos", String(photoCount)],
		{ encoding: "utf8" },
	);
	const last = child.stdout.trim().split("\n").at(-1) ?? "";
	if (child.status !== 0 || !last.startsWith("{"))
		throw new Error(`RSS probe failed: ${child.stderr || last}`);
	return JSON.parse(last) as { peakMb: number; baselineMb: number };
}

async function rssProbe(approach: string, set: string): Promise<void> {
	const loaded = loadBenchPhotos(photoCount, () => {});
	const photos = set === "browser" ? loaded.browser : loaded.camera;
	const pipeline = approach === "old" ? oldPipeline : ours;
	const baselineMb = Math.round(process.memoryUsage.rss() / 1024 / 1024);
	await parallel(photos, pipeline, cores);
	const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
	log(JSON.stringify({ peakMb, baselineMb }));
}

/** One photo after another: CPU ms per photo (all threads of the process). */
async function sequential<T>(photos: readonly Buffer[], pipeline: (photo: Buffer) => Promise<T>) {
	const outputs: T[] = [];
	const cpu = process.cpuUsage();
	const start = performance.now();
	for (const photo of photos) outputs.push(await pipeline(photo));
	const used = process.cpuUsage(cpu);
	return {
		cpuMsPerPhoto: (used.user + used.system) / 1000 / photos.length,
		wallMsPerPhoto: (performance.now() - start) / photos.length,
		outputs,
	};
}

/** All photos at once through a CPU limit of `slots`, as the worker runs them: photos per second. */
async function parallel(photos: readonly Buffer[], pipeline: Pipeline, slots: number) {
	const limit = createCpuLimit(slots);
	const cpu = process.cpuUsage();
	const start = performance.now();
	await Promise.all(photos.map((photo) => limit.run(() => pipeline(photo))));
	const used = process.cpuUsage(cpu);
	return {
		photosPerSecond: photos.length / ((performance.now() - start) / 1000),
		cpuMsPerPhoto: (used.user + used.system) / 1000 / photos.length,
	};
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

interface SetResult {
	oldMs: number;
	newMs: number;
	ratio: number;
	perCore: number;
	allCores: number;
	oldAllCores: number;
	peakMb: number;
	oldPeakMb: number;
	webPsnr: number;
	thumbPsnr: number;
}

async function benchSet(
	label: string,
	set: "camera" | "browser",
	photos: readonly Buffer[],
): Promise<SetResult> {
	log();
	log(`== ${label}: ${photos.length} photos, ${runs} runs, ${cores} cores ==`);
	const oldRuns: number[] = [];
	const newRuns: number[] = [];
	let oldOutputs: PipelineOutputs[] = [];
	let newOutputs: ProcessedPhoto[] = [];
	for (let run = 1; run <= runs; run++) {
		const old = await sequential(photos, oldPipeline);
		const now = await sequential(photos, ours);
		oldRuns.push(old.cpuMsPerPhoto);
		newRuns.push(now.cpuMsPerPhoto);
		if (run === 1) {
			oldOutputs = old.outputs;
			newOutputs = now.outputs;
		}
		log(
			`  run ${run}: old ${round(old.cpuMsPerPhoto)} ms CPU/photo (${round(old.wallMsPerPhoto)} ms wall), ` +
				`ours ${round(now.cpuMsPerPhoto)} ms CPU/photo (${round(now.wallMsPerPhoto)} ms wall)`,
		);
	}
	const oldMs = median(oldRuns);
	const newMs = median(newRuns);
	const newPar = await parallel(photos, ours, cores);
	const oldPar = await parallel(photos, oldPipeline, cores);
	const newRss = peakRssInChild("new", set);
	const oldRss = peakRssInChild("old", set);

	// Equivalence of the outputs, photo by photo.
	const webPsnr: number[] = [];
	const thumbPsnr: number[] = [];
	let aiIdentical = 0;
	let maxHamming = 0;
	const blurRatio: number[] = [];
	const sizes = { oldWeb: 0, newWeb: 0, oldThumb: 0, newThumb: 0, oldMicro: 0, newMicro: 0 };
	for (const [i, old] of oldOutputs.entries()) {
		const now = newOutputs[i];
		if (!now) continue;
		webPsnr.push(await psnr(old.web, now.web));
		thumbPsnr.push(await psnr(old.thumb, now.thumb));
		if (old.aiInput.equals(now.aiInput)) aiIdentical++;
		maxHamming = Math.max(maxHamming, hammingDistance(old.phash, now.phash));
		blurRatio.push(now.blurScore / Math.max(1e-9, old.blurScore));
		sizes.oldWeb += old.web.length;
		sizes.newWeb += now.web.length;
		sizes.oldThumb += old.thumb.length;
		sizes.newThumb += now.thumb.length;
		sizes.oldMicro += old.micro.length;
		sizes.newMicro += now.micro.length;
	}
	const first = photos[0];
	const firstOld = oldOutputs[0];
	// At the old effort the encoders see the same pixels: what is left is the resampling path.
	const atEffort4 = first && firstOld ? await processPhoto(first, { webpEffort: 4 }) : undefined;
	const webIdenticalAtEffort4 = atEffort4 && firstOld ? atEffort4.web.equals(firstOld.web) : false;
	const thumbPsnrAtEffort4 = atEffort4 && firstOld ? await psnr(firstOld.thumb, atEffort4.thumb) : Number.NaN;
	const n = Math.max(1, oldOutputs.length);
	const minOf = (xs: number[]) => round(Math.min(...xs), 1);

	const perCore = 1000 / newMs;
	log(
		`  CPU per photo (median):   old ${round(oldMs)} ms   ours ${round(newMs)} ms   → ${round(oldMs / newMs, 2)}× less CPU`,
	);
	log(`  photos/s per core:        old ${round(1000 / oldMs, 2)}   ours ${round(perCore, 2)}`);
	log(
		`  photos/s on ${cores} cores:      old ${round(oldPar.photosPerSecond, 2)}   ours ${round(newPar.photosPerSecond, 2)}` +
			` (wall, CPU limit ${cores})`,
	);
	log(
		`  peak RSS (fresh process, ${cores} at once): old ${oldRss.peakMb} MB   ours ${newRss.peakMb} MB` +
			`   (${newRss.baselineMb} MB before the first photo: Node, modules, the photos in memory)`,
	);
	log(
		`  web 1600 WebP:  PSNR ours vs old min ${minOf(webPsnr)} dB; avg size old (effort 4) ${kb(sizes.oldWeb / n)}, ours (effort ${imageSpec.webpEffort}) ${kb(sizes.newWeb / n)}; ` +
			`byte-identical to old at effort 4: ${webIdenticalAtEffort4 ? "yes" : "NO"}`,
	);
	log(
		`  thumb ≤1200 watermarked: PSNR min ${minOf(thumbPsnr)} dB (photo 1 at effort 4: ${round(thumbPsnrAtEffort4, 1)} dB); ` +
			`avg size old ${kb(sizes.oldThumb / n)}, ours ${kb(sizes.newThumb / n)}`,
	);
	log(
		`  micro 400:      avg size old ${kb(sizes.oldMicro / n)}, ours ${kb(sizes.newMicro / n)} (no PSNR: ours is public so it carries the watermark, the old admin-grid one did not)`,
	);
	log(`  AI input JPEG:  byte-identical to old for ${aiIdentical}/${oldOutputs.length} photos`);
	log(
		`  phash: max Hamming old vs ours ${maxHamming} bits (≤ 5 = same picture); blur score ours/old ${round(Math.min(...blurRatio), 3)}–${round(Math.max(...blurRatio), 3)}`,
	);
	return {
		oldMs,
		newMs,
		ratio: oldMs / newMs,
		perCore,
		allCores: newPar.photosPerSecond,
		oldAllCores: oldPar.photosPerSecond,
		peakMb: newRss.peakMb,
		oldPeakMb: oldRss.peakMb,
		webPsnr: Math.min(...webPsnr),
		thumbPsnr: Math.min(...thumbPsnr),
	};
}

/** Threads per sharp pipeline × photos at once: why sharp runs with concurrency 1. */
async function threadSweep(photos: readonly Buffer[]): Promise<void> {
	log();
	log(`== sharp threads per pipeline × photos at once (ours, 24 MP) ==`);
	for (const threads of [1, cores]) {
		setSharpConcurrency(threads);
		for (const slots of [1, cores]) {
			const r = await parallel(photos, ours, slots);
			log(
				`  sharp.concurrency ${threads}, CPU limit ${slots}: ${round(r.photosPerSecond, 2)} photos/s, ${round(r.cpuMsPerPhoto)} ms CPU/photo`,
			);
		}
	}
	setSharpConcurrency(sharpSettings.concurrency);
}

if (values["rss-probe"]) {
	await rssProbe(values["rss-probe"], values.set);
	process.exit(0);
}

log(
	`bench:pipeline — sharp ${sharpVersions.sharp}, libvips ${sharpVersions.vips}, Node ${process.version}, ${cores} cores`,
);
log(
	`sharp settings: concurrency ${sharpSettings.concurrency} thread per pipeline, cache ${sharpSettings.cache ? "on" : "off"}`,
);
const photos = loadBenchPhotos(photoCount, log);
const mb = (list: Buffer[]) => round(list.reduce((s, b) => s + b.length, 0) / list.length / 1e6, 2);
log(
	`photos: ${photos.source}, ${photos.camera.length} × 24 MP (avg ${mb(photos.camera)} MB), 2400 px (avg ${mb(photos.browser)} MB)`,
);

// Warm-up: module loading, libvips init, watermark overlays for both orientations.
for (const photo of [...photos.camera.slice(0, 2), ...photos.browser.slice(0, 2)]) {
	await processPhoto(photo);
	await oldPipeline(photo);
}

const camera = await benchSet("24 MP camera files (6000×4000 JPEG q92)", "camera", photos.camera);
const browser = await benchSet("2400 px browser-shrunk files (JPEG q85)", "browser", photos.browser);
if (!values["skip-threads"]) await threadSweep(photos.camera);

log();
const e2eBatch = Array.from({ length: 200 }, (_, i) => photos.browser[i % photos.browser.length] as Buffer);
const e2e = await measureEndToEnd(e2eBatch);
log(
	e2e === null
		? "e2e (upload → ready through api + queue + worker, 200 photos): not measured yet — e2e_photos_per_s is null until measureEndToEnd() in worker/src/bench/end-to-end.ts is wired"
		: `e2e (upload → ready, 200 photos): ${round(e2e, 2)} photos/s`,
);
log(
	`target: ours ≥ 5× less CPU than the old approach on 24 MP (≤ 450 ms/photo): ${camera.ratio >= 5 && camera.newMs <= 450 ? "met" : "NOT met"} (${round(camera.ratio, 2)}×, ${round(camera.newMs)} ms)`,
);
log(
	JSON.stringify({
		bench: "pipeline",
		old_ms_per_photo: round(camera.oldMs),
		new_ms_per_photo: round(camera.newMs),
		ratio: round(camera.ratio, 2),
		photos_per_s_per_core: round(camera.perCore, 2),
		e2e_photos_per_s: e2e === null ? null : round(e2e, 2),
		peak_rss_mb: camera.peakMb,
		photos_per_s_all_cores: round(camera.allCores, 2),
		old_photos_per_s_all_cores: round(camera.oldAllCores, 2),
		old_peak_rss_mb: camera.oldPeakMb,
		web_psnr_db: round(camera.webPsnr, 1),
		thumb_psnr_db: round(camera.thumbPsnr, 1),
		old_ms_per_photo_2400: round(browser.oldMs),
		new_ms_per_photo_2400: round(browser.newMs),
		ratio_2400: round(browser.ratio, 2),
		photos_per_s_per_core_2400: round(browser.perCore, 2),
		photos_per_s_all_cores_2400: round(browser.allCores, 2),
		peak_rss_mb_2400: browser.peakMb,
		source: photos.source,
		photos: photos.camera.length,
		runs,
		cores,
	}),
);

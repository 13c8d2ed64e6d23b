import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
	type AiImage,
	type BibRead,
	createLocalEngine,
	createSharp,
	type DetectedFace,
	defaultAiSettings,
	type IdentityFace,
	imageSpec,
	type LabelledPhoto,
	matchBoxes,
	type PhotoScore,
	type PixelBox,
	packEmbeddings,
	readBibs,
	readOutfits,
	recallScore,
	sameRunnerTop1,
	scorePhoto,
	similaritiesTo,
	summariseScores,
	toAiImage,
} from "@focus-racer/core";
import { pickEvenly } from "./bench-photos.ts";
import { median } from "./bench-stats.ts";

/**
 * `npm run bench:ai [-- <dir>] [--runs 3] [--timing-photos 24] [--timing-side 1600]`: accuracy
 * and cost of the local AI engine on labelled race photos (default ../shared/datasets/rbnr-dev:
 * `images/`, `labels.json`, optional `face_identities.json`), against whole-image OCR as the
 * baseline in the same run. Every photo is read once, as it is, for the accuracy figures. The
 * CPU figures are the median over `runs` passes on the same `timing-photos` photos (spread evenly),
 * enlarged to `timing-side` px on their long side (0: as they are): the pipeline hands the
 * engines a 1600 px JPEG of a camera photo, and the cost target is set at that size, while the
 * dev photos are 342–1024 px. Figures only, never assertions; the last line is one JSON object.
 */
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		runs: { type: "string", default: "3" },
		"timing-photos": { type: "string", default: "24" },
		// The pipeline's AI input size (the cost target's).
		"timing-side": { type: "string", default: String(imageSpec.aiInput.size) },
		limit: { type: "string" },
	},
});
const here = fileURLToPath(import.meta.url);
const dir = path.resolve(positionals[0] ?? path.resolve(here, "../../../../../shared/datasets/rbnr-dev"));
const runs = Math.max(1, Number(values.runs));
const timingPhotos = Math.max(1, Number(values["timing-photos"]));
const timingSide = Math.max(0, Number(values["timing-side"]));
const log = (line = "") => process.stdout.write(`${line}\n`);

interface Label extends LabelledPhoto {
	/** Labelled face boxes; a folder labelled for bibs only may leave them out. */
	faces?: readonly (readonly [number, number, number, number, string])[];
}

if (!existsSync(path.join(dir, "labels.json")) || !existsSync(path.join(dir, "images"))) {
	log(`bench:ai: no labelled photos in ${dir} (needs images/ and labels.json): nothing measured.`);
	log(JSON.stringify({ bench: "ai", skipped: `no dataset at ${dir}` }));
	process.exit(0);
}

const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Record<string, Label>;
const identitiesFile = path.join(dir, "face_identities.json");
const identities = existsSync(identitiesFile)
	? (
			JSON.parse(readFileSync(identitiesFile, "utf8")) as {
				identities: Record<string, { file: string; face_box: [number, number, number, number] }[]>;
			}
		).identities
	: {};
const files = Object.keys(labels)
	.sort()
	.slice(0, values.limit ? Number(values.limit) : undefined);
const settings = defaultAiSettings("local");
const ruleOptions = {
	minConfidence: settings.bibMinConfidence,
	minLength: settings.bibMinLength,
	maxLength: settings.bibMaxLength,
};
const engine = createLocalEngine();

async function load(file: string): Promise<AiImage> {
	// The pipeline's AI input: oriented, ≤ 1600 px, JPEG (RBNR photos are smaller: kept as they are).
	return toAiImage(readFileSync(path.join(dir, "images", file)), { maxPixels: 100_000_000 });
}

/**
 * The photo enlarged to `side` px on its long side, re-encoded as the pipeline encodes the AI
 * input: what a camera photo costs the engines once the pipeline has shrunk it to that size.
 */
async function atSide(image: AiImage, side: number): Promise<AiImage> {
	if (side <= 0 || Math.max(image.width, image.height) >= side) return image;
	const { data, info } = await createSharp(image.data)
		.resize({ width: side, height: side, fit: "inside" })
		.jpeg({ quality: imageSpec.aiInput.quality })
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

interface PhotoRun {
	faces: DetectedFace[];
	outfits: (number[] | null)[];
	bibs: BibRead[];
	cpuMs: number;
	wallMs: number;
}

async function readPhoto(image: AiImage): Promise<PhotoRun> {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const faces = await engine.detectFaces(image);
	const bibs = await readBibs(engine, image, faces, ruleOptions);
	// The AI step measures each face's outfit too (faces.cluster ranks with it).
	const outfits = await readOutfits(
		image,
		faces.map((f) => f.box),
	);
	const used = process.cpuUsage(cpu);
	return { faces, outfits, bibs, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - start };
}

/** The baseline: the same engine and rules, one text pass over the whole image (no faces, no crops). */
const wholeImage = {
	textStrategy: "whole-image" as const,
	detectText: (image: AiImage) => engine.detectText(image),
};
const readWholeImage = (image: AiImage) => readBibs(wholeImage, image, [], ruleOptions);

/** The baseline's reads of a photo and the CPU they took. */
async function timeWholeImage(image: AiImage): Promise<{ reads: BibRead[]; cpuMs: number }> {
	const before = process.cpuUsage();
	const reads = await readWholeImage(image);
	const used = process.cpuUsage(before);
	return { reads, cpuMs: (used.user + used.system) / 1000 };
}

/** A detected face's normalised box in pixels of its labelled photo. */
const pixelBox = (box: DetectedFace["box"], label: Label): PixelBox => ({
	x: box.x * label.width,
	y: box.y * label.height,
	width: box.width * label.width,
	height: box.height * label.height,
});

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
/**
 * A figure with nothing behind it (no labelled face, no runner seen twice) is null in the JSON
 * and "not measured" in the text: a folder without face_identities.json must not read as 0 %.
 */
const measured = (value: number, count: number) => (count > 0 ? round(value) : null);
const pctOf = (value: number, count: number) => (count > 0 ? pct(value) : "not measured");

log(`bench:ai on ${files.length} photos of ${dir}`);
// Load the models outside the measured figures (once per worker process in production).
const warm = files[0];
if (warm) await readPhoto(await load(warm));

const images = new Map<string, AiImage>();
for (const file of files) images.set(file, await load(file));

const ours: PhotoScore[] = [];
const baseline: PhotoScore[] = [];
const faceRecall: { labels: PixelBox[]; detected: PixelBox[] }[] = [];
const facesByFile = new Map<string, DetectedFace[]>();
const outfitsByFile = new Map<string, (number[] | null)[]>();
/** Our CPU ms and the baseline's on each photo as it is (the accuracy pass), in file order. */
const firstPassCpuMs: number[] = [];
const baselineFirstPass: number[] = [];
for (const [i, file] of files.entries()) {
	const label = labels[file];
	const image = images.get(file);
	if (!label || !image) continue;
	const result = await readPhoto(image);
	firstPassCpuMs.push(result.cpuMs);
	facesByFile.set(file, result.faces);
	outfitsByFile.set(file, result.outfits);
	ours.push(scorePhoto(label, result.bibs));
	const wholeRun = await timeWholeImage(image);
	baseline.push(scorePhoto(label, wholeRun.reads));
	baselineFirstPass.push(wholeRun.cpuMs);
	faceRecall.push({
		labels: (label.faces ?? []).map(([x, y, width, height]) => ({ x, y, width, height })),
		detected: result.faces.map((f) => pixelBox(f.box, label)),
	});
	const score = ours.at(-1);
	if (score && (score.missed.length || score.wrong)) {
		log(
			`  ${file}: missed ${score.missed.join(",") || "-"}; wrong ${score.wrongBibs.join(",") || "-"}; faces ${result.faces.length}`,
		);
	}
	if ((i + 1) % 25 === 0) log(`  … ${i + 1}/${files.length}`);
}

// Same-runner retrieval: each labelled face of a runner seen twice, with the embedding of the
// detected face that overlaps it most.
const identityFaces: IdentityFace[] = [];
/** Detected faces already standing for a labelled one ("file:index"). */
const taken = new Set<string>();
/** The detected face (and its outfit) that each labelled box of a photo matches, if any. */
function detectedFor(
	file: string,
	boxes: readonly (readonly [number, number, number, number, ...unknown[]])[],
) {
	const label = labels[file];
	const detected = facesByFile.get(file) ?? [];
	if (!label) return [];
	const matched = matchBoxes(
		boxes.map(([x, y, width, height]) => ({ x, y, width, height })),
		detected.map((f) => pixelBox(f.box, label)),
	);
	return matched.map((m) =>
		m >= 0
			? {
					key: `${file}:${m}`,
					embedding: detected[m]?.embedding ?? null,
					outfit: outfitsByFile.get(file)?.[m] ?? null,
				}
			: null,
	);
}
for (const [identity, seen] of Object.entries(identities)) {
	for (const { file, face_box } of seen) {
		const [face] = detectedFor(file, [face_box]);
		if (face) taken.add(face.key);
		identityFaces.push({ identity, embedding: face?.embedding ?? null, outfit: face?.outfit ?? null });
	}
}
// Every other labelled runner, each a look-alike candidate that is never a query: closer to an
// event, where a face is ranked against thousands of other runners' faces.
const lookAlikes: IdentityFace[] = [];
for (const file of files) {
	detectedFor(file, labels[file]?.faces ?? []).forEach((face, i) => {
		if (!face || taken.has(face.key)) return;
		taken.add(face.key);
		lookAlikes.push({ identity: `other:${file}:${i}`, embedding: face.embedding, outfit: face.outfit });
	});
}

// CPU per photo: median of `runs` passes over the same photos at the timing size, each pass
// timing the baseline on the same photos too, so their ratio holds on a noisy machine.
const timed: AiImage[] = [];
// Spread over the folder (its races come one after another): the first photos of rbnr-dev are all
// of its first race, single runners, about half the cost of the crowded starts of the third.
for (const file of pickEvenly(files, timingPhotos)) {
	const image = images.get(file);
	if (image) timed.push(await atSide(image, timingSide));
}
const timedSide = Math.max(0, ...timed.map((image) => Math.max(image.width, image.height)));
const perPhoto = (total: number) => total / Math.max(1, timed.length);
const passes: { cpu: number; wall: number; baselineCpu: number }[] = [];
for (let run = 0; run < runs; run++) {
	let cpu = 0;
	let wall = 0;
	let baselineCpu = 0;
	for (const image of timed) {
		const result = await readPhoto(image);
		cpu += result.cpuMs;
		wall += result.wallMs;
		baselineCpu += (await timeWholeImage(image)).cpuMs;
	}
	passes.push({ cpu: perPhoto(cpu), wall: perPhoto(wall), baselineCpu: perPhoto(baselineCpu) });
}

// The worker's peak: the selfie search below runs in the api process, and its 10 000 made-up
// faces (≈ 120 MB while generated) are no part of a worker's memory.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

// Selfie search among 10 000 faces of one event: the selfie's face embedding plus the scan.
const dims = identityFaces.find((f) => f.embedding)?.embedding?.length ?? 1024;
let seed = 7;
const noise = () => {
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return seed / 2147483648 - 0.5;
};
const eventFaces = packEmbeddings(
	Array.from({ length: 10_000 }, () => Array.from({ length: dims }, noise)),
	dims,
);
const selfieTimes: number[] = [];
const selfieFile = files.find((f) => (facesByFile.get(f) ?? []).some((face) => face.embedding));
const selfie = selfieFile ? images.get(selfieFile) : undefined;
for (let i = 0; i < 5 && selfie; i++) {
	const start = performance.now();
	const query = await engine.selfieQuery(selfie, { eventId: "bench", minSimilarity: 0, maxResults: 200 });
	if (query.kind === "embedding") similaritiesTo(eventFaces, query.embedding);
	selfieTimes.push(performance.now() - start);
}
const scanTimes: number[] = [];
for (let i = 0; i < 5; i++) {
	const start = performance.now();
	similaritiesTo(eventFaces, Array.from({ length: dims }, noise));
	scanTimes.push(performance.now() - start);
}

const bibs = summariseScores(ours);
const whole = summariseScores(baseline);
const facesFound = recallScore(faceRecall);
const top1 = sameRunnerTop1(identityFaces, { withOutfit: true });
const top1FaceOnly = sameRunnerTop1(identityFaces);
const top1LookAlikes = sameRunnerTop1([...identityFaces, ...lookAlikes], { withOutfit: true });
const top1LookAlikesFaceOnly = sameRunnerTop1([...identityFaces, ...lookAlikes]);
const cpuMs = median(passes.map((p) => p.cpu));
const meanMs = (list: readonly number[]) => list.reduce((sum, ms) => sum + ms, 0) / Math.max(1, list.length);
const baselineCpuMs = meanMs(baselineFirstPass);
const nativeCpuMs = meanMs(firstPassCpuMs);
const cpuVsBaseline = median(passes.map((p) => p.cpu / Math.max(1e-9, p.baselineCpu)));
const wallMs = median(passes.map((p) => p.wall));
await engine.close();

log();
log("Bibs (faces first, torso crops; no face: whole image + tiles)");
log(
	`  recall ${pct(bibs.recall)} (${bibs.found}/${bibs.labelled}), precision ${pct(bibs.precision)} (RBNR), pessimistic ${pct(bibs.pessimisticPrecision)}, exact photos ${pct(bibs.exactPhotos)}`,
);
log(`Baseline: whole-image OCR with the same models and rules`);
log(
	`  recall ${pct(whole.recall)} (${whole.found}/${whole.labelled}), precision ${pct(whole.precision)}, pessimistic ${pct(whole.pessimisticPrecision)}, ${baselineCpuMs.toFixed(0)} ms CPU/photo`,
);
log(
	`Faces: detection recall ${pctOf(facesFound.recall, facesFound.labelled)} (${facesFound.found}/${facesFound.labelled})`,
);
if (top1.queries === 0)
	log(
		`  same-runner top-1 not measured: no labelled runner has two embedded faces (${existsSync(identitiesFile) ? "face_identities.json" : "no face_identities.json"}, ${top1.faces} labelled faces)`,
	);
else {
	log(
		`  same-runner top-1 ${pct(top1.top1)} (${top1.correct}/${top1.queries} embedded faces, ${pct(top1.top1OfAll)} of all ${top1.faces} labelled), ranked by face + outfit as faces.cluster does; by the face alone ${pct(top1FaceOnly.top1)} (${top1FaceOnly.correct}/${top1FaceOnly.queries})`,
	);
	log(
		`  among the ${lookAlikes.length} other labelled runners too: face + outfit ${pct(top1LookAlikes.top1)} (${top1LookAlikes.correct}/${top1LookAlikes.queries}), face alone ${pct(top1LookAlikesFaceOnly.top1)} (${top1LookAlikesFaceOnly.correct}/${top1LookAlikesFaceOnly.queries})`,
	);
}
log(
	`Cost per photo (median of ${passes.length} passes over ${timed.length} photos at ${timingSide > 0 ? `${timingSide} px` : "their own size"}, up to ${timedSide} px): ${cpuMs.toFixed(0)} ms CPU, ${wallMs.toFixed(0)} ms wall, ${cpuVsBaseline.toFixed(2)}× the baseline's CPU on the same photos and passes; peak RSS ${peakRssMb} MB (the AI engine's, before the selfie search)`,
);
log(
	`  the accuracy pass (all ${firstPassCpuMs.length} photos once, as they are): ${nativeCpuMs.toFixed(0)} ms CPU per photo`,
);
log(
	`Selfie search, 10 000 faces: ${median(selfieTimes).toFixed(0)} ms (embedding + scan), of which the scan ${median(scanTimes).toFixed(1)} ms`,
);
log(
	JSON.stringify({
		bench: "ai",
		photos: files.length,
		bib_recall: round(bibs.recall),
		bib_precision: round(bibs.precision),
		bib_precision_pessimistic: round(bibs.pessimisticPrecision),
		exact_read: round(bibs.exactPhotos),
		face_detect_recall: measured(facesFound.recall, facesFound.labelled),
		same_runner_top1: measured(top1.top1, top1.queries),
		same_runner_top1_face_only: measured(top1FaceOnly.top1, top1FaceOnly.queries),
		same_runner_top1_with_lookalikes: measured(top1LookAlikes.top1, top1LookAlikes.queries),
		same_runner_top1_with_lookalikes_face_only: measured(
			top1LookAlikesFaceOnly.top1,
			top1LookAlikesFaceOnly.queries,
		),
		ms_per_photo: Math.round(wallMs),
		cpu_ms_per_photo: Math.round(cpuMs),
		cpu_vs_baseline: round(cpuVsBaseline, 2),
		timing_side_px: timedSide,
		cpu_ms_per_photo_native: Math.round(nativeCpuMs),
		peak_rss_mb: peakRssMb,
		baseline_bib_recall: round(whole.recall),
		baseline_bib_precision: round(whole.precision),
		baseline_cpu_ms_per_photo: Math.round(baselineCpuMs),
		selfie_search_ms_10k_faces: Math.round(median(selfieTimes)),
	}),
);

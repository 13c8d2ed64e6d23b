/**
 * Measures the local face engine on the labelled race photos of ../shared/datasets/rbnr-dev
 * (read in place, never copied): detection recall, same-runner top-1 retrieval, cosine
 * thresholds, wall and CPU ms per photo, peak RSS.
 *
 *   npx node core/src/ai/local/faces/measure-faces.ts [--min-confidence=0.3]
 *     [--min-embed-side=40] [--faceres-side=224] [--long-side=1600] [--limit=N] [--dataset=DIR]
 *
 * `--long-side` resizes every photo (labels scaled alike) before detection, as the pipeline hands
 * engines a 1600 px JPEG; without it the photos are used as they are (342×512 … 1260×850).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createSharp } from "../../../image/sharp.ts";
import { createLocalFaces, defaultLocalFacesOptions } from "./local-faces.ts";
import {
	type IdentityFace,
	matchBoxes,
	type PixelBox,
	pairScore,
	recallScore,
	sameRunnerTop1,
	zeroFalseLinkThreshold,
} from "./score-faces.ts";

type LabelBox = [number, number, number, number, ...unknown[]];
interface PhotoLabels {
	faces: LabelBox[];
	width: number;
	height: number;
}
interface IdentityFile {
	identities: Record<string, { file: string; face_box: LabelBox }[]>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
	options: {
		"min-confidence": { type: "string" },
		"min-embed-side": { type: "string" },
		"faceres-side": { type: "string" },
		"long-side": { type: "string" },
		limit: { type: "string" },
		dataset: { type: "string", default: path.resolve(here, "../../../../../../shared/datasets/rbnr-dev") },
	},
});

const dataset = args.dataset;
if (!existsSync(path.join(dataset, "labels.json"))) {
	console.log(`measure-faces: no dataset at ${dataset} (../shared/datasets/rbnr-dev); nothing measured.`);
	process.exit(0);
}

const toBox = (box: LabelBox, scale: number): PixelBox => ({
	x: box[0] * scale,
	y: box[1] * scale,
	width: box[2] * scale,
	height: box[3] * scale,
});
const sameBox = (a: LabelBox, b: LabelBox): boolean => a.slice(0, 4).every((value, i) => value === b[i]);
const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const pct = (value: number): string => `${(100 * value).toFixed(1)} %`;

const labels = JSON.parse(await readFile(path.join(dataset, "labels.json"), "utf8")) as Record<
	string,
	PhotoLabels
>;
const identities = (
	JSON.parse(await readFile(path.join(dataset, "face_identities.json"), "utf8")) as IdentityFile
).identities;
const files = Object.keys(labels)
	.sort()
	.slice(0, args.limit ? Number(args.limit) : undefined);
const longSide = args["long-side"] ? Number(args["long-side"]) : null;

const options = {
	...defaultLocalFacesOptions,
	...(args["min-confidence"] ? { minConfidence: Number(args["min-confidence"]) } : {}),
	...(args["min-embed-side"] ? { minEmbedSide: Number(args["min-embed-side"]) } : {}),
	...(args["faceres-side"] ? { faceresSide: Number(args["faceres-side"]) } : {}),
};
const engine = createLocalFaces(options);
console.log(`options ${JSON.stringify(options)} long side ${longSide ?? "native"}, ${files.length} photos`);

interface PhotoResult {
	labels: PixelBox[];
	detected: PixelBox[];
	embeddings: (number[] | null)[];
	matched: number[];
}
const results = new Map<string, PhotoResult>();
const wallMs: number[] = [];
const cpuMs: number[] = [];
let detections = 0;
let embedded = 0;
const bySize = new Map<string, { labelled: number; found: number }>();
const sizeBucket = (side: number): string =>
	side < 32 ? "<32" : side < 48 ? "32-47" : side < 64 ? "48-63" : side < 96 ? "64-95" : "96+";

for (const file of files) {
	const label = labels[file];
	if (!label) continue;
	let data = await readFile(path.join(dataset, "images", file));
	let scale = 1;
	if (longSide) {
		scale = longSide / Math.max(label.width, label.height);
		data = await createSharp(data)
			.resize({
				width: Math.round(label.width * scale),
				height: Math.round(label.height * scale),
				fit: "fill",
			})
			.jpeg({ quality: 90 })
			.toBuffer();
	}
	const width = Math.round(label.width * scale);
	const height = Math.round(label.height * scale);
	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const faces = await engine.detectFaces({ data, width, height });
	wallMs.push(performance.now() - wallBefore);
	const cpu = process.cpuUsage(cpuBefore);
	cpuMs.push((cpu.user + cpu.system) / 1000);
	const detected = faces.map((face) => ({
		x: face.box.x * width,
		y: face.box.y * height,
		width: face.box.width * width,
		height: face.box.height * height,
	}));
	detections += faces.length;
	embedded += faces.filter((face) => face.embedding).length;
	const photoLabels = label.faces.map((box) => toBox(box, scale));
	const matched = matchBoxes(photoLabels, detected);
	photoLabels.forEach((box, i) => {
		const bucket = sizeBucket(Math.min(box.width, box.height) / scale);
		const entry = bySize.get(bucket) ?? { labelled: 0, found: 0 };
		entry.labelled++;
		if (matched[i] !== -1) entry.found++;
		bySize.set(bucket, entry);
	});
	results.set(file, {
		labels: photoLabels,
		detected,
		embeddings: faces.map((face) => face.embedding),
		matched,
	});
}
await engine.close();

const recall = recallScore([...results.values()].map(({ labels: l, detected }) => ({ labels: l, detected })));
console.log(
	`face recall ${pct(recall.recall)} (${recall.found}/${recall.labelled} labelled faces; a face is found by IoU ≥ 0.3 or ≥ 70 % containment within 4× area), ${detections} detections, ${embedded} embedded`,
);
console.log(
	`  by labelled face side (px of the original): ${[...bySize.entries()]
		.sort()
		.map(([bucket, s]) => `${bucket}: ${s.found}/${s.labelled}`)
		.join(", ")}`,
);

/** The labelled faces of known runners with their embeddings; `minSide` drops the smaller ones' vectors. */
function identityFacesFor(minSide: number): IdentityFace[] {
	const found: IdentityFace[] = [];
	for (const [identity, faces] of Object.entries(identities)) {
		for (const face of faces) {
			const result = results.get(face.file);
			if (!result) continue;
			const index = labels[face.file]?.faces.findIndex((box) => sameBox(box, face.face_box)) ?? -1;
			const detection = index >= 0 ? (result.matched[index] ?? -1) : -1;
			const box = result.detected[detection];
			const big = box !== undefined && Math.min(box.width, box.height) >= minSide;
			found.push({ identity, embedding: big ? (result.embeddings[detection] ?? null) : null });
		}
	}
	return found;
}
const identityFaces = identityFacesFor(0);
const retrieval = sameRunnerTop1(identityFaces);
console.log(
	`same-runner top-1 ${pct(retrieval.top1)} (${retrieval.correct}/${retrieval.queries} embedded faces of ${retrieval.faces} labelled; ${pct(retrieval.top1OfAll)} of all)`,
);
const zero = zeroFalseLinkThreshold(identityFaces);
for (const threshold of [0.6, 0.65, 0.7, 0.72, 0.75, 0.8, zero]) {
	const pairs = pairScore(identityFaces, threshold);
	console.log(
		`  cosine ≥ ${threshold.toFixed(3)}: same-runner pairs linked ${pairs.sameLinked}/${pairs.samePairs}, different-runner pairs linked ${pairs.differentLinked}/${pairs.differentPairs}${threshold === zero ? " (lowest threshold with no false link)" : ""}`,
	);
}

// What a higher minEmbedSide would keep: the embeddings it saves and the retrieval it costs.
for (const minSide of new Set([options.minEmbedSide, 40, 48, 64, 80])) {
	const kept = [...results.values()].reduce(
		(sum, r) =>
			sum +
			r.detected.filter((box, i) => r.embeddings[i] && Math.min(box.width, box.height) >= minSide).length,
		0,
	);
	const score = sameRunnerTop1(identityFacesFor(minSide));
	console.log(
		`  embedding only faces ≥ ${minSide} px: ${kept} embeddings, top-1 ${pct(score.top1)} (${score.correct}/${score.queries}; ${pct(score.top1OfAll)} of all)`,
	);
}

// The first photo pays the model warm-up (wasm compilation of each kernel): reported apart.
const warm = (values: number[]): number[] => (values.length > 1 ? values.slice(1) : values);
console.log(
	`per photo: wall median ${median(warm(wallMs)).toFixed(0)} ms (mean ${mean(warm(wallMs)).toFixed(0)}), CPU median ${median(warm(cpuMs)).toFixed(0)} ms (mean ${mean(warm(cpuMs)).toFixed(0)}); first photo ${wallMs[0]?.toFixed(0)} ms wall`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

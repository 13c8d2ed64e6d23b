import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createSharp } from "../../image/sharp.ts";
import type { AiImage, DetectedFace, NormalisedBox } from "../ai-engine.ts";
import { createLocalOcr } from "../local/ocr/local-ocr.ts";
import { defaultDetectorDigitPixels, defaultRetryDigitPixels, readBibs } from "./read-bibs.ts";
import { type LabelledBox, type PhotoScore, scorePhoto, summariseScores } from "./score-bibs.ts";

/**
 * Measures the local bib reader on the labelled RBNR photos (read in place, never copied):
 *   npx node core/src/ai/bibs/measure-bibs.ts [--limit 20] [--no-faces] [--verbose]
 * Faces: the labelled face boxes grown ×1.55 around their centre, standing in for the face
 * detector's boxes (which are that much larger than a tight face). CPU is process.cpuUsage()
 * around each readBibs call (all threads; file reads, --resize and the model load excluded).
 */

interface Label {
	bibs: string[];
	boxes: LabelledBox[];
	faces: LabelledBox[];
	width: number;
	height: number;
}

const { values: args } = parseArgs({
	options: {
		dataset: {
			type: "string",
			default: resolve(import.meta.dirname, "../../../../../shared/datasets/rbnr-dev"),
		},
		limit: { type: "string" },
		"no-faces": { type: "boolean", default: false },
		verbose: { type: "boolean", default: false },
		"min-confidence": { type: "string", default: "90" },
		"digit-pixels": { type: "string", default: String(defaultDetectorDigitPixels) },
		"reread-margins": { type: "string", default: "" },
		"retry-digit-pixels": { type: "string", default: defaultRetryDigitPixels.join(",") },
		"reread-below": { type: "string", default: "100" },
		"box-threshold": { type: "string", default: "0.6" },
		threshold: { type: "string", default: "0.3" },
		"unclip-ratio": { type: "string", default: "1.5" },
		"max-detector-side": { type: "string", default: "960" },
		"no-line-merge": { type: "boolean", default: false },
		/** Long side to enlarge the photos to first (the pipeline's AI images are 1600 px). */
		resize: { type: "string" },
	},
});

const dataset = args.dataset;
if (!existsSync(join(dataset, "labels.json"))) {
	console.log(`measure-bibs: no dataset at ${dataset} (../shared/datasets/rbnr-dev): skipped.`);
	process.exit(0);
}
const labels = JSON.parse(await readFile(join(dataset, "labels.json"), "utf8")) as Record<string, Label>;
const files = Object.keys(labels).slice(0, args.limit ? Number(args.limit) : undefined);

/** The labelled face box grown ×1.55 around its centre, normalised: a face detector's box. */
function standInFace([x, y, width, height]: LabelledBox, label: Label): DetectedFace {
	const grow = 1.55;
	const box: NormalisedBox = {
		x: (x + width / 2 - (width * grow) / 2) / label.width,
		y: (y + height / 2 - (height * grow) / 2) / label.height,
		width: (width * grow) / label.width,
		height: (height * grow) / label.height,
	};
	return { box, confidence: 100, embedding: null, embeddingModel: null, providerFaceId: null, quality: 1 };
}

const ocr = createLocalOcr({
	detector: {
		boxThreshold: Number(args["box-threshold"]),
		threshold: Number(args.threshold),
		unclipRatio: Number(args["unclip-ratio"]),
	},
	maxDetectorSide: Number(args["max-detector-side"]),
	...(args["no-line-merge"] ? { lineMerge: null } : {}),
});
const engine = { textStrategy: "torso-crops" as const, detectText: ocr.detectText, pages: ocr };
const options = {
	minConfidence: Number(args["min-confidence"]),
	minLength: 2,
	maxLength: 6,
	detectorDigitPixels: Number(args["digit-pixels"]),
	retryDigitPixels: args["retry-digit-pixels"].split(",").filter(Boolean).map(Number),
	rereadMargins: args["reread-margins"].split(",").filter(Boolean).map(Number),
	rereadBelow: Number(args["reread-below"]),
};

const loadStart = process.cpuUsage();
const warmLabel = labels[files[0] ?? ""];
if (warmLabel && files[0]) {
	// The first run also pays onnxruntime's lazy allocations: keep it out of the per-photo figure.
	const data = await readFile(join(dataset, "images", files[0]));
	await readBibs(engine, { data, width: warmLabel.width, height: warmLabel.height }, [], options);
}
const load = process.cpuUsage(loadStart);

/** The photo as the engine gets it: as stored, or enlarged to --resize (not timed). */
async function engineImage(file: string, label: Label): Promise<AiImage> {
	const data = await readFile(join(dataset, "images", file));
	if (!args.resize) return { data, width: label.width, height: label.height };
	const scale = Number(args.resize) / Math.max(label.width, label.height);
	const width = Math.round(label.width * scale);
	const height = Math.round(label.height * scale);
	const resized = await createSharp(data)
		.resize(width, height, { fit: "fill" })
		.jpeg({ quality: 85 })
		.toBuffer();
	return { data: resized, width, height };
}

const scores: PhotoScore[] = [];
let cpuMicros = 0;
let wall = 0;
for (const file of files) {
	const label = labels[file];
	if (!label) continue;
	const image = await engineImage(file, label);
	const faces = args["no-faces"] ? [] : label.faces.map((face) => standInFace(face, label));
	const cpuStart = process.cpuUsage();
	const wallStart = performance.now();
	const reads = await readBibs(engine, image, faces, options);
	const cpu = process.cpuUsage(cpuStart);
	cpuMicros += cpu.user + cpu.system;
	wall += performance.now() - wallStart;
	const score = scorePhoto(label, reads);
	scores.push(score);
	if (args.verbose && !score.exact) {
		const read = reads.map((r) => `${r.bib}(${r.confidence.toFixed(0)})`).join(" ");
		console.log(
			`${file}: labelled ${label.bibs.join(" ")} | read ${read} | missed ${score.missed.join(" ")} | wrong ${score.wrongBibs.join(" ")}`,
		);
	}
}
await ocr.close();

const summary = summariseScores(scores);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`photos ${summary.photos}, labelled bibs ${summary.labelled}, reads ${summary.reads}`);
console.log(`recall ${pct(summary.recall)} (${summary.found}/${summary.labelled})`);
console.log(`precision (RBNR, wrong = overlapping a labelled box) ${pct(summary.precision)}`);
console.log(`pessimistic precision (every unlabelled read wrong) ${pct(summary.pessimisticPrecision)}`);
console.log(`exact photos ${pct(summary.exactPhotos)}`);
console.log(
	`CPU ${(cpuMicros / 1000 / scores.length).toFixed(0)} ms/photo, wall ${(wall / scores.length).toFixed(0)} ms/photo, first photo + model load ${((load.user + load.system) / 1000).toFixed(0)} ms CPU`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

import type { NormalisedBox } from "../ai-engine.ts";

/**
 * Scoring of bib reads against labelled photos (RBNR's protocol), shared by measure-bibs.ts and
 * `npm run bench:ai`. RBNR labels only the runners whose face was annotated, so crowded photos
 * show readable bibs nobody labelled: a wrong read counts against precision only where it
 * overlaps a labelled bib box; the pessimistic precision counts every unlabelled read wrong.
 */

/** A labelled bib box in pixels: [x, y, width, height, number] (RBNR labels.json). */
export type LabelledBox = readonly [number, number, number, number, string];

export interface LabelledPhoto {
	bibs: readonly string[];
	boxes: readonly LabelledBox[];
	width: number;
	height: number;
}

export interface ScoredRead {
	bib: string;
	/** Normalised to the photo. */
	box: NormalisedBox;
}

export interface PhotoScore {
	labelled: number;
	/** Labelled bibs read (anywhere on the photo). */
	found: number;
	reads: number;
	/** Reads of a labelled number. */
	correct: number;
	/** Wrong reads overlapping a labelled bib box: wrong under RBNR's protocol. */
	wrong: number;
	/** Wrong reads elsewhere: maybe an unlabelled runner's bib, maybe a misread. */
	unlabelled: number;
	/** The reads are exactly the labelled numbers. */
	exact: boolean;
	missed: string[];
	wrongBibs: string[];
	unlabelledBibs: string[];
}

/** Share of the smaller box covered by the intersection: RBNR's overlap measure (> 0.2 counts). */
export function overlapOfSmaller(a: NormalisedBox, b: NormalisedBox): number {
	const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (width <= 0 || height <= 0) return 0;
	const smaller = Math.min(a.width * a.height, b.width * b.height);
	return smaller > 0 ? (width * height) / smaller : 0;
}

export function scorePhoto(label: LabelledPhoto, reads: readonly ScoredRead[], minOverlap = 0.2): PhotoScore {
	const labelled = new Set(label.bibs);
	const readBibs = new Set(reads.map((r) => r.bib));
	const boxes = label.boxes.map(([x, y, width, height]) => ({
		x: x / label.width,
		y: y / label.height,
		width: width / label.width,
		height: height / label.height,
	}));
	const wrongBibs: string[] = [];
	const unlabelledBibs: string[] = [];
	let correct = 0;
	for (const read of reads) {
		if (labelled.has(read.bib)) correct++;
		else if (boxes.some((box) => overlapOfSmaller(box, read.box) > minOverlap)) wrongBibs.push(read.bib);
		else unlabelledBibs.push(read.bib);
	}
	const missed = [...labelled].filter((bib) => !readBibs.has(bib));
	return {
		labelled: labelled.size,
		found: labelled.size - missed.length,
		reads: reads.length,
		correct,
		wrong: wrongBibs.length,
		unlabelled: unlabelledBibs.length,
		exact: missed.length === 0 && reads.length === labelled.size && correct === reads.length,
		missed,
		wrongBibs,
		unlabelledBibs,
	};
}

export interface BibScoreSummary {
	photos: number;
	labelled: number;
	found: number;
	reads: number;
	recall: number;
	/** RBNR: correct / (correct + wrong on labelled boxes). */
	precision: number;
	/** Every read that is not a labelled number counts wrong. */
	pessimisticPrecision: number;
	/** Share of photos read exactly (all labelled numbers, nothing else). */
	exactPhotos: number;
}

export function summariseScores(scores: readonly PhotoScore[]): BibScoreSummary {
	const sum = (pick: (s: PhotoScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
	const labelled = sum((s) => s.labelled);
	const found = sum((s) => s.found);
	const reads = sum((s) => s.reads);
	const correct = sum((s) => s.correct);
	const wrong = sum((s) => s.wrong);
	const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
	return {
		photos: scores.length,
		labelled,
		found,
		reads,
		recall: ratio(found, labelled),
		precision: ratio(correct, correct + wrong),
		pessimisticPrecision: ratio(correct, reads),
		exactPhotos: ratio(
			sum((s) => (s.exact ? 1 : 0)),
			scores.length,
		),
	};
}

import type { AiImage, DetectedFace, NormalisedBox } from "../ai-engine.ts";
import {
	type BibCandidate,
	type BibRead,
	type BibRuleOptions,
	bibsFromCandidates,
	candidatesFromRead,
} from "./bib-rules.ts";
import type { BibTextEngine, PageTextRead, TextPage } from "./text-page.ts";
import { clampBox, fallbackRegions, torsoRegion, withMargin } from "./torso-regions.ts";

/**
 * Re-reading each number with a 0.4 × height margin (keeping the better read) was worth +3
 * points of recall in an earlier wide-region setup; with the tight region, line padding and the
 * retry passes it cost recall (94.3 → 92.2 %) and precision on the dev photos (measure-bibs.ts
 * --reread-margins 0.4), so it is off by default and left as a knob.
 */
export const defaultRereadMargins: readonly number[] = [];

/**
 * Detector pixels per digit height on torso crops. Dev-set recall by this figure (tight region,
 * line merging): 24 px 60 %, 32 px 81 %, 48 px 92 %, 64 px 92 % at 1.7× the CPU of 48. DB was
 * trained on larger text than its stated minimum: small digits lose their thin "1"s first.
 */
export const defaultDetectorDigitPixels = 48;

/**
 * Torsos where nothing passed are detected again at these digit heights, in turn. The
 * detector's misses at 48 px are partly different ones than at 64 px, and most torsos that
 * show a bib pass at the first try, so the retry costs on the others only. Dev photos: no retry
 * 91.7 % recall, [64] 93.8 %, [64, 96] 94.3 % for +8 % CPU (the first measurement, before the
 * edge vote). With today's whole reader (bench:ai's accuracy pass, 2026-12-03): no retry 184 of
 * 193 bibs at 262 ms CPU per photo, [64] 186 at 282, [96] 187 at 342, [64, 96] 188 at 383. The
 * 96 px pass is the dearest part of the reader after the first pass (≈ 105 ms per 1600 px photo
 * on bench:ai's timing photos, 4× a torso's pixels) and rescues two bibs, but recall is at 0.97
 * with none to spare. A first retry at 48 px in RGB order (see run-detector.ts) before [64, 96]
 * kept 188 at 368 ms but added a wrong read (precision 0.979 → 0.974): not kept.
 */
export const defaultRetryDigitPixels: readonly number[] = [64, 96];

/**
 * Each line that gave a number is read again with its box widened on both sides by each of
 * these (× the line height, on top of the OCR's own line padding), and each number is then the
 * majority of its reads (see `voteEdgeReads`). The recogniser's first and last glyph depend on
 * where the crop ends: a thin leading "1" is dropped ("10190" read "0190") or a bib's border is
 * read as one ("4345" read "14345"), and a crop with more room around the number reads it
 * right far more often than the same wrong way twice. Costs two recogniser runs per number
 * line, no detector pass.
 */
export const defaultEdgeVoteMargins: readonly number[] = [0.3, 0.6];

/**
 * The tiles' scale of the fallback on a photo whose faces had no number under them. The 2×
 * tiles are for the small bibs of far runners on photos without a face; where faces were found
 * the runners are near enough for their faces to be seen, so their bibs are no smaller than
 * under a face and need less magnification. The tiles are most of the fallback's detector work
 * (4 × 0.6² × scale² of the page's pixels against 1 for the page): 1.5 nearly halves it. Dev photos:
 * the same reads as 2 (recall, both precisions unchanged), the fallback photos ≈30 % cheaper;
 * 1.25 lost a bib (on a photo without faces, when applied to all).
 */
export const defaultFacesFallbackTileScale = 1.5;

export interface ReadBibsOptions extends BibRuleOptions {
	/** Digit heights of further detector passes on torsos where nothing passed yet; []: none. */
	retryDigitPixels?: readonly number[];
	/** Torso crops: detector pixels per digit height. */
	detectorDigitPixels?: number;
	/** Re-read each number with each of these margins (× its height) around it; [] turns re-reading off. */
	rereadMargins?: readonly number[];
	/** Widenings (× line height) of the re-reads each number line gets for the edge vote; []: no vote. */
	edgeVoteMargins?: readonly number[];
	/** Numbers read at least this confident (percent) are not re-read: a re-read costs a recogniser run. */
	rereadBelow?: number;
	/** No face: detector scale of the whole page and of the 2×2 tiles. */
	fallbackScale?: number;
	fallbackTileScale?: number;
	/** Tile scale of the fallback on photos with faces but no number under any (`defaultFacesFallbackTileScale`). */
	facesFallbackTileScale?: number;
}

/**
 * The bib numbers of a photo, one per distinct number, by the engine's best strategy:
 * `whole-image` sends the picture once to `detectText`; `torso-crops` (engines with `pages`)
 * reads the region under each face at a digit height the detector likes, falls back to the
 * page and tiles without faces (or when no face has a number under it), and re-reads each number with a margin. Then the same bib rules
 * (bib-rules.ts) for every engine.
 */
export async function readBibs(
	engine: BibTextEngine,
	image: AiImage,
	faces: readonly DetectedFace[],
	options: ReadBibsOptions,
): Promise<BibRead[]> {
	if (engine.textStrategy === "whole-image" || !engine.pages) {
		const reads = await engine.detectText(image);
		return bibsFromCandidates(
			reads.flatMap((read) => candidatesFromRead(read, options)),
			options,
		);
	}
	const page = await engine.pages.openPage(image);
	const read = bibsFromCandidates(await readTorsos(page, faces, options), options);
	if (read.length > 0 || faces.length === 0) return read;
	// Faces but no number under any of them: spectators facing the camera while the runners show
	// their backs, a face found where there is none (a round head in a drawing), bibs worn low.
	// Then the whole page too, as for a photo without faces: it costs more, only on these photos.
	const tileScale = options.facesFallbackTileScale ?? defaultFacesFallbackTileScale;
	return bibsFromCandidates(
		await readTorsos(page, [], { ...options, fallbackTileScale: tileScale }),
		options,
	);
}

async function readTorsos(
	page: TextPage,
	faces: readonly DetectedFace[],
	options: ReadBibsOptions,
): Promise<BibCandidate[]> {
	const digitPixels = options.detectorDigitPixels ?? defaultDetectorDigitPixels;
	const regions =
		faces.length > 0
			? faces.flatMap((face) => torsoRegion(face.box, page.height, digitPixels) ?? [])
			: fallbackRegions(options.fallbackScale ?? 1, options.fallbackTileScale ?? 2);
	const reads = await page.readRegions(regions);
	const allReads = [...reads];
	if (faces.length > 0) {
		// A torso with no passing number gets more detector passes at other digit heights.
		const passes = (found: readonly PageTextRead[]) =>
			new Set(
				found
					.filter((read) =>
						candidatesFromRead(read, options).some((c) => c.confidence >= options.minConfidence),
					)
					.map((read) => read.source),
			);
		let pending = regions.filter((_, i) => !passes(reads).has(i));
		for (const retryPixels of options.retryDigitPixels ?? defaultRetryDigitPixels) {
			if (pending.length === 0) break;
			const retry = pending.map((region) => ({
				...region,
				scale: (region.scale * retryPixels) / digitPixels,
			}));
			const more = await page.readRegions(retry);
			allReads.push(...more);
			const passed = passes(more);
			pending = pending.filter((_, i) => !passed.has(i));
		}
	}
	const candidates = await edgeVoted(page, allReads, options);
	const margins = options.rereadMargins ?? defaultRereadMargins;
	if (margins.length === 0) return candidates;
	const rereadBelow = options.rereadBelow ?? 100;
	// Only numbers that could still pass are worth a recogniser run.
	const floor = options.minConfidence - 30;
	const toReread = candidates.filter((c) => c.confidence >= floor && c.confidence < rereadBelow);
	let improved = toReread;
	for (const margin of margins) {
		const rereads = await page.readLines(
			toReread.map((c) => withMargin(c.box, margin, page.width, page.height)),
		);
		improved = improved.map((candidate, i) => better(candidate, rereads[i] ?? null, options));
	}
	return [...candidates.filter((c) => !toReread.includes(c)), ...improved];
}

/**
 * The better of a read and its re-read: a longer number containing the first one wins when it
 * passes the threshold (the wider crop found a digit the tight box had cut: "463" → "1463"),
 * otherwise the more confident.
 */
function better(candidate: BibCandidate, reread: PageTextRead | null, options: BibRuleOptions): BibCandidate {
	if (!reread) return candidate;
	const found = candidatesFromRead(reread, options);
	const longer = found.find(
		(c) =>
			c.bib.length > candidate.bib.length &&
			c.bib.includes(candidate.bib) &&
			c.confidence >= options.minConfidence,
	);
	if (longer) return longer;
	const [best] = found.sort((a, b) => b.confidence - a.confidence);
	return best && best.confidence > candidate.confidence ? best : candidate;
}

/** Candidates of the reads, each the majority of its line's reads at the edge-vote widenings. */
async function edgeVoted(
	page: TextPage,
	reads: readonly PageTextRead[],
	options: ReadBibsOptions,
): Promise<BibCandidate[]> {
	const margins = options.edgeVoteMargins ?? defaultEdgeVoteMargins;
	const perRead = reads.map((read) => candidatesFromRead(read, options));
	if (margins.length === 0) return perRead.flat();
	// Only lines with a number that could still pass are worth recogniser runs.
	const floor = options.minConfidence - 30;
	const voting = reads.filter((_, i) => (perRead[i] ?? []).some((c) => c.confidence >= floor));
	const rereads: (PageTextRead | null)[][] = [];
	for (const margin of margins)
		rereads.push(await page.readLines(voting.map((read) => widened(read.box, margin, page))));
	return reads.flatMap((read, i) => {
		const own = perRead[i] ?? [];
		const v = voting.indexOf(read);
		if (v < 0) return own;
		const others = rereads.map((list) => {
			const reread = list[v];
			return reread ? candidatesFromRead(reread, options) : [];
		});
		return own.map((candidate) => voteEdgeReads(candidate, others, options.minConfidence));
	});
}

/** The line box grown horizontally by `margin` × its height on both sides, clamped to the page. */
function widened(box: NormalisedBox, margin: number, page: TextPage): NormalisedBox {
	const dx = (box.height * margin * page.height) / page.width;
	return clampBox({ x: box.x - dx, y: box.y, width: box.width + 2 * dx, height: box.height }) ?? box;
}

/** How much of the narrower box's width the two boxes share horizontally. */
function horizontalOverlap(a: NormalisedBox, b: NormalisedBox): number {
	const shared = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const narrower = Math.min(a.width, b.width);
	return narrower > 0 ? Math.max(0, shared) / narrower : 0;
}

/**
 * The edge vote (pure): a number and its re-reads with wider crops (each re-read's candidates;
 * the one overlapping the number's box most is its re-read). A number that at least two of the
 * reads agree on, more than on any other, wins, at the mean confidence of those reads (a first
 * read the majority agrees with keeps its own: agreeing is no reason to pass a read that did
 * not, and that lifted stray 1- and 2-digit marks); without such a majority the first read
 * stands, and a majority too unsure to pass (`minConfidence`) does not replace a first read
 * that passes: a wide crop that takes in a neighbouring mark ("941" read "2941" at 80) must not
 * sink a sure read. Its box is the first read's: a wider crop does not move the number.
 * Dev photos: recall 91.7 → 93.8 %, precision 94.1 → 95.8 %, pessimistic 70.0 → 70.4 %.
 */
export function voteEdgeReads(
	candidate: BibCandidate,
	rereads: readonly (readonly BibCandidate[])[],
	minConfidence: number,
): BibCandidate {
	const votes = [candidate];
	for (const found of rereads) {
		let best: BibCandidate | null = null;
		let bestOverlap = 0;
		for (const other of found) {
			const overlap = horizontalOverlap(candidate.box, other.box);
			if (overlap > bestOverlap) {
				best = other;
				bestOverlap = overlap;
			}
		}
		if (best) votes.push(best);
	}
	const counts = new Map<string, number>();
	for (const vote of votes) counts.set(vote.bib, (counts.get(vote.bib) ?? 0) + 1);
	const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
	const [winner, runnerUp] = ranked;
	if (!winner || winner[1] < 2 || (runnerUp && runnerUp[1] === winner[1])) return candidate;
	if (winner[0] === candidate.bib) return candidate;
	const agreeing = votes.filter((vote) => vote.bib === winner[0]);
	const confidence = agreeing.reduce((sum, vote) => sum + vote.confidence, 0) / agreeing.length;
	if (confidence < minConfidence && candidate.confidence >= minConfidence) return candidate;
	return { bib: winner[0], confidence, box: candidate.box };
}

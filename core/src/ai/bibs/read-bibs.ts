import type { AiImage, DetectedFace } from "../ai-engine.ts";
import {
	type BibCandidate,
	type BibRead,
	type BibRuleOptions,
	bibsFromCandidates,
	candidatesFromRead,
} from "./bib-rules.ts";
import type { BibTextEngine, PageTextRead, TextPage } from "./text-page.ts";
import { fallbackRegions, torsoRegion, withMargin } from "./torso-regions.ts";

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
 * 91.7 % recall, [64] 93.8 %, [64, 96] 94.3 % for +8 % CPU.
 */
export const defaultRetryDigitPixels: readonly number[] = [64, 96];

export interface ReadBibsOptions extends BibRuleOptions {
	/** Digit heights of further detector passes on torsos where nothing passed yet; []: none. */
	retryDigitPixels?: readonly number[];
	/** Torso crops: detector pixels per digit height. */
	detectorDigitPixels?: number;
	/** Re-read each number with each of these margins (× its height) around it; [] turns re-reading off. */
	rereadMargins?: readonly number[];
	/** Numbers read at least this confident (percent) are not re-read: a re-read costs a recogniser run. */
	rereadBelow?: number;
	/** No face: detector scale of the whole page and of the 2×2 tiles. */
	fallbackScale?: number;
	fallbackTileScale?: number;
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
	return bibsFromCandidates(await readTorsos(page, [], options), options);
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
	const candidates = reads.flatMap((read) => candidatesFromRead(read, options));
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
			candidates.push(...more.flatMap((read) => candidatesFromRead(read, options)));
			const passed = passes(more);
			pending = pending.filter((_, i) => !passed.has(i));
		}
	}
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

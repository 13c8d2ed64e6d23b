import type { NormalisedBox, TextRead } from "../ai-engine.ts";
import type { PageChar } from "./text-page.ts";

/**
 * The product's bib rules, applied to any engine's text reads (pure, provider-neutral).
 *
 * Decisions (each measured or argued on race photos):
 * - A bib is a run of digits. Full-width digits count (NFKC); an O/o/D read between two digits
 *   is a 0 and an I/l/|/i a 1 (the recogniser's usual confusions inside a number, never at its
 *   ends, where they are more likely real letters).
 * - A run glued to Latin letters is not a bib: "10K", "42KM", "5km", "M40", "1234A" are
 *   distances, categories or sponsors printed on the bib. Only a number prefix "N", "No", "Nr"
 *   is allowed ("No1234"); "N°1234", "#1234" pass anyway (not letters).
 * - A run's confidence is the mean of its own characters' confidences when the engine gives
 *   them, so a shaky logo letter next to the number does not sink it; otherwise the line's.
 * - Containment: a number contained in a longer number read on the same photo is dropped: most
 *   wrong reads were partial numbers ("228" for 2287, cut by a crop edge or a fold). Exception:
 *   when the shorter one is on the start list and the longer one is not.
 * - Start list (when non-empty): a read on the list is kept at `minConfidence`. A read off the
 *   list snaps to a list number at edit distance 1 when exactly one such number exists and it
 *   was not read itself on the photo (a misread digit, or one lost/added at an edge); otherwise
 *   it is kept only at the stricter `outsideListMinConfidence` (default halfway from
 *   minConfidence to 100): late entries exist, but an off-list read is more often a misread.
 */

export interface BibRuleOptions {
	/** Percent 0–100. */
	minConfidence: number;
	minLength: number;
	maxLength: number;
	startList?: ReadonlySet<string>;
	/** Percent 0–100, for reads off a non-empty start list; default halfway to 100. */
	outsideListMinConfidence?: number;
}

/** A bib number found on a photo. */
export interface BibRead {
	bib: string;
	/** Percent 0–100. */
	confidence: number;
	/** Normalised to the whole image. */
	box: NormalisedBox;
	inStartList: boolean;
}

/** A digit run found in one read, before the photo-level rules. */
export interface BibCandidate {
	bib: string;
	confidence: number;
	box: NormalisedBox;
}

/** A read, optionally with per-character detail (local OCR gives it, Rekognition does not). */
export type RuleTextRead = TextRead & { chars?: readonly PageChar[] };

interface RunSpan {
	digits: string;
	/** Index of the first and one past the last character of the run. */
	start: number;
	end: number;
}

const zeroLike = new Set(["O", "o", "D"]);
const oneLike = new Set(["I", "l", "|", "i"]);
const numberPrefixes = new Set(["N", "NO", "NR"]);

function digitOf(char: string): string | null {
	const normal = char.normalize("NFKC");
	return /^[0-9]$/.test(normal) ? normal : null;
}

const isLatinLetter = (char: string | undefined) => char !== undefined && /^[A-Za-z]$/.test(char);

/** Digit runs of a text, one entry per character of the input (chars, not UTF-16 units). */
export function digitRuns(chars: readonly string[]): RunSpan[] {
	const digits = chars.map(digitOf);
	// Confusable letters count as digits only between two digits.
	for (let i = 1; i < chars.length - 1; i++) {
		const char = chars[i] ?? "";
		if (digits[i] !== null || digits[i - 1] === null || digits[i + 1] === null) continue;
		if (zeroLike.has(char)) digits[i] = "0";
		else if (oneLike.has(char)) digits[i] = "1";
	}
	const runs: RunSpan[] = [];
	let i = 0;
	while (i < chars.length) {
		if (digits[i] === null) {
			i++;
			continue;
		}
		const start = i;
		let text = "";
		while (i < chars.length && digits[i] !== null) text += digits[i++];
		if (isLatinLetter(chars[i])) continue;
		if (isLatinLetter(chars[start - 1])) {
			let prefixStart = start;
			while (isLatinLetter(chars[prefixStart - 1])) prefixStart--;
			const prefix = chars.slice(prefixStart, start).join("").toUpperCase();
			if (!numberPrefixes.has(prefix)) continue;
		}
		runs.push({ digits: text, start, end: i });
	}
	return runs;
}

/** Bib-shaped digit runs of one read with their confidences and boxes (no photo rules yet). */
export function candidatesFromRead(read: RuleTextRead, options: BibRuleOptions): BibCandidate[] {
	const chars = read.chars && read.chars.length > 0 ? read.chars : null;
	const letters = chars ? chars.map((c) => c.char) : Array.from(read.text);
	const candidates: BibCandidate[] = [];
	for (const run of digitRuns(letters)) {
		if (run.digits.length < options.minLength || run.digits.length > options.maxLength) continue;
		const own = chars ? chars.slice(run.start, run.end) : [];
		const confidence =
			own.length > 0 ? own.reduce((sum, c) => sum + c.confidence, 0) / own.length : read.confidence;
		candidates.push({ bib: run.digits, confidence, box: runBox(read.box, own, chars?.length ?? 0) });
	}
	return candidates;
}

/**
 * The run's own part of the line box, from its characters' centres: a pitch either side of the
 * first and last centre, half a pitch being about half a glyph.
 */
function runBox(line: NormalisedBox, own: readonly PageChar[], total: number): NormalisedBox {
	const first = own[0];
	const last = own.at(-1);
	if (!first || !last || own.length === total) return line;
	const pitch = own.length > 1 ? (last.x - first.x) / (own.length - 1) : line.width / Math.max(1, total);
	const left = Math.max(line.x, first.x - pitch * 0.6);
	const right = Math.min(line.x + line.width, last.x + pitch * 0.6);
	if (right <= left) return line;
	return { x: left, y: line.y, width: right - left, height: line.height };
}

/** One candidate per distinct number: the most confident read of it. */
export function bestPerBib<T extends BibCandidate>(candidates: readonly T[]): T[] {
	const best = new Map<string, T>();
	for (const candidate of candidates) {
		const known = best.get(candidate.bib);
		if (!known || candidate.confidence > known.confidence) best.set(candidate.bib, candidate);
	}
	return [...best.values()];
}

/** Drops numbers contained in a longer number of the same photo (see the rules above). */
export function dropContained(
	candidates: readonly BibCandidate[],
	startList?: ReadonlySet<string>,
): BibCandidate[] {
	const listed = (bib: string) => startList?.has(bib) ?? false;
	return candidates.filter(
		(short) =>
			!candidates.some(
				(long) =>
					long.bib.length > short.bib.length &&
					long.bib.includes(short.bib) &&
					!(listed(short.bib) && !listed(long.bib)),
			),
	);
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const value = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost,
			);
			current.push(value);
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > limit) return limit + 1;
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/** The photo-level rules: best per number, containment, confidence, start list. */
export function bibsFromCandidates(candidates: readonly BibCandidate[], options: BibRuleOptions): BibRead[] {
	const startList = options.startList && options.startList.size > 0 ? options.startList : null;
	const outsideMin =
		options.outsideListMinConfidence ?? options.minConfidence + (100 - options.minConfidence) / 2;
	const kept = dropContained(bestPerBib(candidates), startList ?? undefined).filter(
		(c) => c.confidence >= options.minConfidence,
	);
	const readNumbers = new Set(kept.map((c) => c.bib));
	const reads: BibRead[] = [];
	for (const candidate of kept) {
		if (!startList) {
			reads.push({ ...candidate, inStartList: false });
			continue;
		}
		if (startList.has(candidate.bib)) {
			reads.push({ ...candidate, inStartList: true });
			continue;
		}
		const near = [...startList].filter((bib) => editDistance(candidate.bib, bib, 1) === 1);
		const [snap] = near;
		if (near.length === 1 && snap !== undefined && !readNumbers.has(snap)) {
			reads.push({ ...candidate, bib: snap, inStartList: true });
		} else if (candidate.confidence >= outsideMin) {
			reads.push({ ...candidate, inStartList: false });
		}
	}
	// A snap can land on a number another read already gave: keep the more confident.
	return bestPerBib(reads);
}

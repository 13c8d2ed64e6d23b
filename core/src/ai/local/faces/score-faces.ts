import { cosineSimilarity } from "../../linking/face-similarity.ts";
import { personScore } from "../../linking/outfit.ts";
/**
 * Scores a face engine against labelled photos (rbnr-dev): detection recall and same-runner
 * retrieval. Pure functions on boxes and vectors, so `npm run bench:ai` can score any engine
 * (local or Rekognition) the same way.
 */

/** A box in pixels of the photo (x, y: top-left corner). */
export interface PixelBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export function boxArea(box: PixelBox): number {
	return Math.max(0, box.width) * Math.max(0, box.height);
}

export function intersectionArea(a: PixelBox, b: PixelBox): number {
	const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return width > 0 && height > 0 ? width * height : 0;
}

export function iou(a: PixelBox, b: PixelBox): number {
	const inter = intersectionArea(a, b);
	const union = boxArea(a) + boxArea(b) - inter;
	return union > 0 ? inter / union : 0;
}

/** Share of the smaller box that lies inside the other. */
export function containment(a: PixelBox, b: PixelBox): number {
	const smaller = Math.min(boxArea(a), boxArea(b));
	return smaller > 0 ? intersectionArea(a, b) / smaller : 0;
}

/**
 * When a detected box counts as the labelled face: IoU ≥ 0.3, or one box lies ≥ 70 % inside the
 * other while their areas differ by at most 4×. Containment, because annotators and detectors
 * disagree on how much hair and chin a face box holds (a tight detector box inside a loose label
 * has a low IoU but is the same face); the area bound stops a box around a whole head-and-torso
 * from counting.
 */
export const faceMatchRule = { minIou: 0.3, minContainment: 0.7, maxAreaRatio: 4 } as const;

export function overlapScore(label: PixelBox, detected: PixelBox): number {
	const overlap = iou(label, detected);
	if (overlap >= faceMatchRule.minIou) return overlap;
	const areas = [boxArea(label), boxArea(detected)];
	const ratio = Math.max(...areas) / Math.max(Math.min(...areas), Number.MIN_VALUE);
	if (ratio <= faceMatchRule.maxAreaRatio && containment(label, detected) >= faceMatchRule.minContainment)
		return overlap;
	return -1;
}

/**
 * For each labelled box, the index of the detected box matched to it, or -1. One-to-one,
 * greedy by overlap (best pairs first), so one detection never counts for two labels.
 */
export function matchBoxes(labels: readonly PixelBox[], detected: readonly PixelBox[]): number[] {
	const pairs: { label: number; detection: number; score: number }[] = [];
	labels.forEach((label, li) => {
		detected.forEach((box, di) => {
			const score = overlapScore(label, box);
			if (score >= 0) pairs.push({ label: li, detection: di, score });
		});
	});
	pairs.sort((a, b) => b.score - a.score);
	const matched = labels.map(() => -1);
	const taken = new Set<number>();
	for (const pair of pairs) {
		if (matched[pair.label] !== -1 || taken.has(pair.detection)) continue;
		matched[pair.label] = pair.detection;
		taken.add(pair.detection);
	}
	return matched;
}

export interface RecallScore {
	labelled: number;
	found: number;
	/** found / labelled (1 when nothing is labelled). */
	recall: number;
}

export function recallScore(
	photos: readonly { labels: readonly PixelBox[]; detected: readonly PixelBox[] }[],
): RecallScore {
	let labelled = 0;
	let found = 0;
	for (const photo of photos) {
		labelled += photo.labels.length;
		found += matchBoxes(photo.labels, photo.detected).filter((index) => index !== -1).length;
	}
	return { labelled, found, recall: labelled > 0 ? found / labelled : 1 };
}

/** A labelled face of a known runner, with the embedding the engine gave it (null: not found or not embedded). */
export interface IdentityFace {
	identity: string;
	embedding: readonly number[] | null;
	/** What the runner wears below the face (outfit.ts), when measured. */
	outfit?: readonly number[] | null;
}

export interface RetrievalScore {
	/** Labelled faces of runners seen at least twice. */
	faces: number;
	/** Faces with an embedding and at least one other embedded face of the same runner. */
	queries: number;
	/** Queries whose nearest other embedded face (cosine) is the same runner. */
	correct: number;
	/** correct / queries: how good the vectors are when the face was embedded. */
	top1: number;
	/** correct / faces: the same, counting every face not found or not embedded as a miss. */
	top1OfAll: number;
}

/**
 * Same-runner top-1: for each embedded face, is the most similar other embedded face the same
 * runner? By face cosine alone, or (`withOutfit`) by the score faces.cluster ranks with
 * (`personScore`: face cosine plus the outfit's similarity).
 */
export function sameRunnerTop1(
	faces: readonly IdentityFace[],
	options: { withOutfit?: boolean } = {},
): RetrievalScore {
	const embedded = faces.filter(
		(face): face is IdentityFace & { embedding: readonly number[] } => face.embedding !== null,
	);
	let queries = 0;
	let correct = 0;
	embedded.forEach((query, qi) => {
		if (!embedded.some((other, oi) => oi !== qi && other.identity === query.identity)) return;
		queries++;
		let best = -1;
		let bestSimilarity = Number.NEGATIVE_INFINITY;
		embedded.forEach((other, oi) => {
			if (oi === qi) return;
			const cosine = cosineSimilarity(query.embedding, other.embedding);
			const similarity = options.withOutfit ? personScore(cosine, query.outfit, other.outfit) : cosine;
			if (similarity > bestSimilarity) {
				bestSimilarity = similarity;
				best = oi;
			}
		});
		if (embedded[best]?.identity === query.identity) correct++;
	});
	return {
		faces: faces.length,
		queries,
		correct,
		top1: queries > 0 ? correct / queries : 0,
		top1OfAll: faces.length > 0 ? correct / faces.length : 0,
	};
}

export interface PairScore {
	threshold: number;
	samePairs: number;
	/** Same-runner pairs with cosine ≥ threshold (would be linked). */
	sameLinked: number;
	differentPairs: number;
	/** Different-runner pairs with cosine ≥ threshold (false links). */
	differentLinked: number;
}

/** How a cosine threshold splits the pairs of embedded faces: what it links right and wrong. */
export function pairScore(faces: readonly IdentityFace[], threshold: number): PairScore {
	const score: PairScore = { threshold, samePairs: 0, sameLinked: 0, differentPairs: 0, differentLinked: 0 };
	for (let i = 0; i < faces.length; i++) {
		const a = faces[i];
		if (!a?.embedding) continue;
		for (let j = i + 1; j < faces.length; j++) {
			const b = faces[j];
			if (!b?.embedding) continue;
			const linked = cosineSimilarity(a.embedding, b.embedding) >= threshold;
			if (a.identity === b.identity) {
				score.samePairs++;
				if (linked) score.sameLinked++;
			} else {
				score.differentPairs++;
				if (linked) score.differentLinked++;
			}
		}
	}
	return score;
}

/** The lowest cosine above every different-runner pair (the least strict threshold with no false link). */
export function zeroFalseLinkThreshold(faces: readonly IdentityFace[]): number {
	let highest = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < faces.length; i++) {
		const a = faces[i];
		if (!a?.embedding) continue;
		for (let j = i + 1; j < faces.length; j++) {
			const b = faces[j];
			if (!b?.embedding || a.identity === b.identity) continue;
			highest = Math.max(highest, cosineSimilarity(a.embedding, b.embedding));
		}
	}
	return highest === Number.NEGATIVE_INFINITY ? 0 : highest + 1e-6;
}

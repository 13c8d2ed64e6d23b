import { decodeRgb, type RgbImage } from "../../image/decode-rgb.ts";
import type { AiImage, NormalisedBox } from "../ai-engine.ts";
import { boxAroundFace } from "../box-around-face.ts";
import { maskAt, type PersonMask, personMasks } from "./person-mask.ts";

/**
 * What a runner wears, as colour histograms of the chest and belly below the face: within one
 * race the same runner wears the same clothes in every photo, and the face model alone is weak
 * on the small, turned and sunglassed faces of race photos. Used beside the face embedding to
 * rank who a face is (faces.cluster), never alone to decide it: different runners of a race
 * often share a black or white top. Each pixel counts as much as the person mask
 * (person-mask.ts) sees a person there, so the trees and the road beside a runner do not make two
 * runners alike. Provider-neutral (pixels and a local model, no cloud call), so it works the same
 * for local and Rekognition faces. A selfie has no race outfit: selfie search stays face-only.
 *
 * Measured on rbnr-dev's 32 embedded same-runner queries (bench:ai, `same_runner_top1` against
 * `same_runner_top1_face_only`): the face alone ranks the same runner first 25 times, face and
 * outfit (face cosine + `outfitWeight` × outfit similarity) 27 times; with every other labelled
 * runner added as a look-alike, 24 and 26. On the labelled (tight) face boxes the first
 * experiment found more (26 → 30 of 34), the detector's boxes place the region less well. The
 * weight comes from the range that worked in both galleries, not the single best point: 1.5–3
 * then (0.5–1 gained one query less). Measured again on 2026-12-03, with the face detector and
 * faceres on onnxruntime (31 queries; face alone 24, 23 with look-alikes), by weight: 0.5 → 25
 * and 24, 0.75–1.25 → 26 and 25, 1.5 → 26 and 24, 2 → 26 and 23, 3–5 → 26 and 23 or fewer. The
 * range that works in both is now 0.75–1.25, so 1: past it the outfit pulls a face to a runner
 * of another face but the same colours (a black top to a black wetsuit). 31 queries are few:
 * one is 3 points.
 */

/**
 * The outfit region, in face boxes from the face box's top-left corner (the box as the local
 * detector gives it, ≈1.55× a tight face): shoulders and chest down to the belly, split in an
 * upper and a lower half. Measured on the detector's boxes (rbnr-dev, 32 queries, face alone
 * 25 and 24 with look-alikes): this region 27 and 26; the tight-box region of the first
 * experiment scaled to these boxes (−0.34…1.34, 0.89…2.11) 26 and 24; a taller and wider one
 * (−0.8…1.8, 1.1…3.0) 28 and 24; a narrower one (−0.2…1.2) 27 and 25. With the person mask
 * (2026-12-03; 27 and 25 as it is): −0.8…1.8 × 0.9…3.0 25 and 24, −0.5…1.5 × 0.9…3.2 26 and 24,
 * −0.8…1.8 × 0.9…2.4 25 and 24; a third histogram of the head (hair, cap, headband; −0.3…1.3 ×
 * −0.5…0.5 or tighter) added at 0.25–1 × its similarity: 26–27 and 22–25.
 */
export const outfitGeometry = { left: -0.5, right: 1.5, top: 0.9, bottom: 2.4 } as const;

/** Face cosine + this × outfit similarity ranks the candidates for a face (see above). */
export const outfitWeight = 1;

/** Hue 12 × saturation 3 bins for coloured pixels, then 5 brightness bins for the greys. */
const hueBins = 12;
const saturationBins = 3;
const greyBins = 5;
const halfBins = hueBins * saturationBins + greyBins;
/** Values per descriptor: the upper half's histogram, then the lower half's. */
export const outfitDescriptorLength = 2 * halfBins;
/** A pixel is coloured from this saturation and brightness on; greys count less (dull cloth, shadow). */
const minSaturation = 0.25;
const minBrightness = 0.2;
const greyWeight = 0.6;
/** Fewer pixels than this per half: too little of the runner in the photo to describe. */
const minPixelsPerHalf = 24;
/** About how many pixels of each half are counted (every pixel of a smaller one). */
const samplesPerHalf = 16_000;
/**
 * What a pixel the person mask calls scene still counts (a person pixel counts its probability
 * + this): a region the mask misses entirely (a runner the model does not see) is still
 * described, by all its pixels alike, as without a mask.
 */
const sceneWeight = 0.02;

export function outfitRegion(face: NormalisedBox): NormalisedBox {
	return boxAroundFace(face, outfitGeometry);
}

/**
 * The outfit descriptor under a face: two normalised histograms (each sums to 1), or null when
 * the region is mostly outside the photo (a face at the bottom edge). Any image size works: the
 * region is normalised, and a large one is sampled on a grid of about `samplesPerHalf` pixels
 * per half, so a near runner on a 1600 px photo costs what a far one does. (A histogram needs
 * little detail: rbnr-dev's top-1 was the same on the full image as on an 800 px decode; a
 * 400 px decode blends a small runner's colours with the background's and lost one query.)
 */
export function outfitDescriptor(
	image: RgbImage,
	face: NormalisedBox,
	mask: PersonMask | null = null,
): number[] | null {
	const region = outfitRegion(face);
	const x0 = Math.max(0, Math.round(region.x * image.width));
	const x1 = Math.min(image.width, Math.round((region.x + region.width) * image.width));
	const y0 = Math.max(0, Math.round(region.y * image.height));
	const y1 = Math.min(image.height, Math.round((region.y + region.height) * image.height));
	const middle = Math.round((region.y + region.height / 2) * image.height);
	const halves: [number, number][] = [
		[y0, Math.min(y1, middle)],
		[Math.max(y0, middle), y1],
	];
	const out = new Array<number>(outfitDescriptorLength).fill(0);
	for (const [h, [top, bottom]] of halves.entries()) {
		if ((x1 - x0) * (bottom - top) < minPixelsPerHalf) return null;
		const base = h * halfBins;
		const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (bottom - top)) / samplesPerHalf)));
		let total = 0;
		for (let y = top; y < bottom; y += step) {
			for (let x = x0; x < x1; x += step) {
				const i = (y * image.width + x) * 3;
				const weight = mask ? maskAt(mask, image, x, y) + sceneWeight : 1;
				total += countPixel(
					out,
					base,
					image.data[i] ?? 0,
					image.data[i + 1] ?? 0,
					image.data[i + 2] ?? 0,
					weight,
				);
			}
		}
		for (let b = 0; b < halfBins; b++) out[base + b] = total > 0 ? (out[base + b] ?? 0) / total : 0;
	}
	return out;
}

/**
 * Adds one pixel to its bin of the half starting at `base` and returns its weight (coloured
 * pixels by their saturation, times `scale`: how much of a person the mask sees there). It adds
 * in place rather than returning a [bin, weight] pair: that pair was an allocation per pixel,
 * most of the descriptor's cost (up to 64 000 pixels per half on a 1600 px photo).
 */
function countPixel(
	histogram: number[],
	base: number,
	r: number,
	g: number,
	b: number,
	scale: number,
): number {
	const max = Math.max(r, g, b);
	const delta = max - Math.min(r, g, b);
	const value = max / 255;
	const saturation = max > 0 ? delta / max : 0;
	let bin: number;
	let weight: number;
	if (saturation < minSaturation || value < minBrightness) {
		bin = hueBins * saturationBins + Math.min(greyBins - 1, Math.floor(value * greyBins));
		weight = greyWeight;
	} else {
		let hue = 0;
		if (max === r) hue = ((g - b) / delta + 6) % 6;
		else if (max === g) hue = (b - r) / delta + 2;
		else hue = (r - g) / delta + 4;
		const hueBin = Math.min(hueBins - 1, Math.floor((hue / 6) * hueBins));
		const satBin = Math.min(
			saturationBins - 1,
			Math.floor(((saturation - minSaturation) / (1 - minSaturation)) * saturationBins),
		);
		bin = hueBin * saturationBins + satBin;
		weight = saturation;
	}
	histogram[base + bin] = (histogram[base + bin] ?? 0) + weight * scale;
	return weight * scale;
}

/**
 * 0..1: the mean of the two halves' histogram intersections (1: the same colours in the same
 * proportions). Descriptors of another length (another version of the rule) compare as 0.
 */
export function outfitSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== outfitDescriptorLength || b.length !== outfitDescriptorLength) return 0;
	let shared = 0;
	for (let i = 0; i < outfitDescriptorLength; i++) shared += Math.min(a[i] ?? 0, b[i] ?? 0);
	return shared / 2;
}

/**
 * Outfit similarity assumed for a candidate without a descriptor (its face at the photo's bottom
 * edge): about what two different runners of a race score (median 0.34 on rbnr-dev, same runner
 * 0.79), so a missing outfit neither wins nor loses a ranking by itself.
 */
const unknownOutfitSimilarity = 0.35;

type Outfit = ArrayLike<number> | null | undefined;

/**
 * The score that ranks who a face is: face cosine plus `outfitWeight` × outfit similarity. A
 * query face without an outfit ranks by its face alone, so its candidates stay comparable.
 */
export function personScore(faceCosine: number, query: Outfit, candidate: Outfit): number {
	if (!query) return faceCosine;
	const outfit = candidate ? outfitSimilarity(query, candidate) : unknownOutfitSimilarity;
	return faceCosine + outfitWeight * outfit;
}

/**
 * The outfit under each face of a photo, each masked to the people around it (null where there
 * is too little of the runner).
 */
export async function readOutfits(
	image: AiImage,
	faces: readonly NormalisedBox[],
): Promise<(number[] | null)[]> {
	if (faces.length === 0) return [];
	// The decode the face detector and the OCR made of this photo (decode-rgb.ts keeps it).
	const rgb = await decodeRgb(image.data);
	const masks = await personMasks(rgb, faces);
	return faces.map((face, i) => outfitDescriptor(rgb, face, masks[i] ?? null));
}

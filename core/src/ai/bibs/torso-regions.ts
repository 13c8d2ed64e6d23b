import type { NormalisedBox } from "../ai-engine.ts";
import { boxAroundFace } from "../box-around-face.ts";
import type { TextRegion } from "./text-page.ts";

/**
 * Where a runner's bib is, relative to a face detector's box (≈1.55× a tight face box), in box
 * widths/heights from the box's top-left corner. On the 193 labelled bibs of the RBNR dev photos
 * the bib box spans x −0.53…1.30 and y 1.43…3.85 (belts on the hips included), and its height
 * is 0.22…0.54 box heights; the region keeps ≈0.3 of margin around those extremes. The detector
 * costs per pixel, so the region's area is the torso path's price. A region down to 4.8 (for
 * 10145 of set2_53, whose bib lies at 4.1…4.66 below a small face box) read 188 bibs again
 * (2026-12-03): 10145, 979 and 3717 gained, 11191, 4345 and 331 lost (the detector sees every
 * crop anew), precision 0.979 → 0.974; so 4.4.
 */
export const torsoGeometry = {
	left: -0.8,
	right: 1.8,
	top: 1.2,
	bottom: 4.4,
	/** Digit height, × the face box height (for the detector scale). */
	digitHeight: 0.37,
	/** Shortest line worth reading, × the face box height (bib boxes were ≥ 0.22). */
	minLineHeight: 0.15,
} as const;

/** Clamps a normalised box to the page; null when nothing is left. */
export function clampBox(box: NormalisedBox): NormalisedBox | null {
	const x = Math.max(0, box.x);
	const y = Math.max(0, box.y);
	const right = Math.min(1, box.x + box.width);
	const bottom = Math.min(1, box.y + box.height);
	if (right <= x || bottom <= y) return null;
	return { x, y, width: right - x, height: bottom - y };
}

/**
 * The torso region under a face, scaled so digits come out `digitPixels` high for the
 * detector (DB finds lines well from ~16 px; more only costs time: its cost is per pixel).
 */
export function torsoRegion(face: NormalisedBox, pageHeight: number, digitPixels: number): TextRegion | null {
	const box = clampBox(boxAroundFace(face, torsoGeometry));
	if (!box) return null;
	const digitHeight = torsoGeometry.digitHeight * face.height * pageHeight;
	return {
		box,
		scale: digitPixels / Math.max(1, digitHeight),
		minLineHeight: torsoGeometry.minLineHeight * face.height,
	};
}

/**
 * No face, no torso: the whole page, plus 2×2 overlapping tiles at `tileScale` for the small
 * bibs of far runners. About 3.5× the detector work of the torso path: a fallback only.
 */
export function fallbackRegions(wholeScale: number, tileScale: number): TextRegion[] {
	const tile = 0.6;
	const corners = [0, 1 - tile];
	return [
		{ box: { x: 0, y: 0, width: 1, height: 1 }, scale: wholeScale },
		...corners.flatMap((y) =>
			corners.map((x) => ({ box: { x, y, width: tile, height: tile }, scale: tileScale })),
		),
	];
}

/** The box grown by `margin` × its height on every side, clamped to the page. */
export function withMargin(
	box: NormalisedBox,
	margin: number,
	pageWidth: number,
	pageHeight: number,
): NormalisedBox {
	const dy = box.height * margin;
	const dx = (dy * pageHeight) / pageWidth;
	return (
		clampBox({ x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy }) ?? box
	);
}

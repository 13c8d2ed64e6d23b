import type { NormalisedBox } from "../ai-engine.ts";

export interface BibOnPhoto {
	bib: string;
	/** Where it was read; null for a bib typed by a pro (no position). */
	box: NormalisedBox | null;
}

/**
 * Which face wears which bib on one photo: a bib belongs to the face above it, its centre in
 * the torso region (from half a face below the face to six faces below, up to a face width to
 * either side). That region is looser than the one the local engine reads, because
 * Rekognition's face boxes are tight and human's are ≈ 1.5× larger. Pairs are taken closest
 * first (distance from where a bib sits: face centre x, three face heights below), each face
 * and each bib at most once. A photo with one face and one bib pairs them whatever the boxes:
 * a single runner wears the single bib. Returns face index → bib.
 */
export function assignBibsToFaces(
	faces: readonly { box: NormalisedBox }[],
	bibs: readonly BibOnPhoto[],
): Map<number, string> {
	const assigned = new Map<number, string>();
	const only = bibs[0];
	if (faces.length === 1 && bibs.length === 1 && only) {
		assigned.set(0, only.bib);
		return assigned;
	}
	const candidates: { face: number; bib: number; distance: number }[] = [];
	faces.forEach((face, fi) => {
		const { x, y, width: w, height: h } = face.box;
		bibs.forEach((bib, bi) => {
			if (!bib.box || h <= 0) return;
			const cx = bib.box.x + bib.box.width / 2;
			const cy = bib.box.y + bib.box.height / 2;
			if (cx < x - w || cx > x + 2 * w || cy < y + 0.5 * h || cy > y + 6 * h) return;
			const dx = (cx - (x + w / 2)) / w;
			const dy = (cy - (y + 3 * h)) / h;
			candidates.push({ face: fi, bib: bi, distance: Math.hypot(dx, dy) });
		});
	});
	candidates.sort((a, b) => a.distance - b.distance);
	const usedBibs = new Set<number>();
	for (const c of candidates) {
		if (assigned.has(c.face) || usedBibs.has(c.bib)) continue;
		const bib = bibs[c.bib];
		if (!bib) continue;
		assigned.set(c.face, bib.bib);
		usedBibs.add(c.bib);
	}
	return assigned;
}

/** A stored bib's box (photo_bibs' four nullable columns), or null when it has no position. */
export function storedBibBox(row: {
	x: number | null;
	y: number | null;
	width: number | null;
	height: number | null;
}): NormalisedBox | null {
	if (row.x === null || row.y === null || row.width === null || row.height === null) return null;
	return { x: row.x, y: row.y, width: row.width, height: row.height };
}

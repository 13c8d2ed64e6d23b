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
 *
 * A bib inside a face box goes to that face before any of the above: the face detector took the
 * bib for a face (blazeface fires on dark glyphs on a white patch; on the demo photos, whose
 * heads have no features, every "face" it finds is a bib). That "face" is the torso of the runner
 * wearing the bib: left without one, it would be a face with no bib of its own, and face linking
 * (faces.cluster, Rekognition's index) would give it the bib of the most similar face, the bib of
 * another photo, whose picture looks alike (demo-36.jpg got 143 from demo-07.jpg at cosine 0.82).
 * See `bibInsideFace` for what counts.
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
	// Tier 0: a bib inside the face box (the face is the bib); tier 1: a bib in the torso region.
	const candidates: { face: number; bib: number; tier: number; distance: number }[] = [];
	faces.forEach((face, fi) => {
		const { x, y, width: w, height: h } = face.box;
		bibs.forEach((bib, bi) => {
			if (!bib.box || h <= 0 || w <= 0) return;
			const cx = bib.box.x + bib.box.width / 2;
			const cy = bib.box.y + bib.box.height / 2;
			if (bibInsideFace(face.box, bib.box)) {
				const distance = Math.hypot((cx - (x + w / 2)) / w, (cy - (y + h / 2)) / h);
				candidates.push({ face: fi, bib: bi, tier: 0, distance });
			}
			if (cx < x - w || cx > x + 2 * w || cy < y + 0.5 * h || cy > y + 6 * h) return;
			const dx = (cx - (x + w / 2)) / w;
			const dy = (cy - (y + 3 * h)) / h;
			candidates.push({ face: fi, bib: bi, tier: 1, distance: Math.hypot(dx, dy) });
		});
	});
	candidates.sort((a, b) => a.tier - b.tier || a.distance - b.distance);
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

/**
 * Whether a face box is the bib read at `bib`: the bib's centre inside the face box and the bib
 * at least half as wide as it. A real face never holds a bib (the runner's own is on the torso
 * below); the width keeps a small bib of someone further back, seen beside a near runner's head
 * within the detector's roomy box (≈ 1.5× the face), from taking that runner's place. A face the
 * detector found on a bib is about the bib's size: the bib 0.75 to 1.4 of the box's width on the
 * twelve such faces of the 40 demo photos.
 */
export function bibInsideFace(face: NormalisedBox, bib: NormalisedBox): boolean {
	const cx = bib.x + bib.width / 2;
	const cy = bib.y + bib.height / 2;
	return (
		cx >= face.x &&
		cx <= face.x + face.width &&
		cy >= face.y &&
		cy <= face.y + face.height &&
		bib.width >= 0.5 * face.width
	);
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

/**
 * The faces of a photo that are not one of its read bibs (`bibInsideFace`), and the provider ids
 * of those that are. Such a "face" is a bib, nobody's identity: kept, its embedding would join
 * the cluster of look-alike bibs of other photos and pass their bib on, a selfie could match
 * it, and a smart crop of it would be a crop of a bib.
 */
export function withoutBibFaces<F extends { box: NormalisedBox; providerFaceId: string | null }>(
	faces: readonly F[],
	bibs: readonly { box: NormalisedBox | null }[],
): { faces: F[]; droppedProviderFaceIds: string[] } {
	const kept: F[] = [];
	const droppedProviderFaceIds: string[] = [];
	for (const face of faces) {
		const isBib = bibs.some((b) => b.box && bibInsideFace(face.box, b.box));
		if (!isBib) kept.push(face);
		else if (face.providerFaceId) droppedProviderFaceIds.push(face.providerFaceId);
	}
	return { faces: kept, droppedProviderFaceIds };
}

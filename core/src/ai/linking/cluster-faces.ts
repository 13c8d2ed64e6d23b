import { type Embedding, normalise } from "./face-similarity.ts";
import { outfitDescriptorLength, personScore } from "./outfit.ts";

export interface ClusterInputFace {
	id: string;
	photoId: string;
	embedding: Embedding;
	/** What the runner wears below the face (outfit.ts); null when not measured. */
	outfit?: Embedding | null;
	/** The bib this face wears on its own photo (read or typed there), if any. */
	bib: string | null;
	/** 0..1: clearer faces go first and lead their cluster. */
	quality: number;
}

export interface FaceClusterResult {
	faceIds: string[];
	bib: string | null;
	representativeFaceId: string;
}

/** A face that reached a runner through the cluster (its own photo showed no bib for it). */
export interface FaceBibLink {
	faceId: string;
	photoId: string;
	bib: string;
	/** Cosine to the runner's faces, 0..1. */
	similarity: number;
}

interface Group {
	bib: string | null;
	sum: Float32Array;
	norm: number;
	faceIds: string[];
	photoIds: Set<string>;
	leader: string;
	/** Sum and count of the members' outfits; `outfit` is their mean histogram (null: none yet). */
	outfitSum: Float64Array;
	outfits: number;
	outfit: Float64Array | null;
}

interface Candidate {
	group: Group;
	/** Face cosine to the group's mean face: what the threshold applies to. */
	similarity: number;
	/** Face and outfit together (personScore): what ranks the groups. */
	score: number;
}

/**
 * Groups one event's faces by person and spreads bibs through the groups, so a runner whose bib
 * is hidden on a photo (arm, folded, back view) still gets it. Each runner (bib) starts a group
 * with the faces seen wearing it; the other faces, clearest first, join the group that is the
 * same person most likely — ranked by face and outfit together (`personScore`: within one race a
 * runner wears the same clothes), when the face alone is ≥ `threshold` to the group's mean face
 * (the outfit ranks, it never links by itself: runners share black and white tops) — a bib
 * group only when it also beats the next runner by `margin` (between two look-alikes we would
 * rather link nothing than the wrong runner). A face joining a bib group gets its bib, and its
 * own face then counts for the next ones (the propagation). A group never takes two faces of
 * one photo: they are two people.
 * Cost: faces × groups × dims, a few seconds for 10 000 faces in a large event.
 */
export function clusterFaces(
	faces: readonly ClusterInputFace[],
	options: { threshold: number; margin?: number },
): { clusters: FaceClusterResult[]; links: FaceBibLink[] } {
	const margin = options.margin ?? 0.03;
	const first = faces[0];
	if (!first) return { clusters: [], links: [] };
	const dims = first.embedding.length;
	const groups: Group[] = [];
	const byBib = new Map<string, Group>();
	const unit = new Map<string, Float32Array>();
	const byQuality = [...faces].sort((a, b) => b.quality - a.quality);
	for (const face of byQuality) {
		if (face.embedding.length !== dims)
			throw new Error(`clusterFaces: face ${face.id} has another embedding size`);
		unit.set(face.id, normalise(face.embedding));
	}
	const join = (group: Group, face: ClusterInputFace, vector: Float32Array) => {
		let norm = 0;
		for (let i = 0; i < dims; i++) {
			const value = (group.sum[i] ?? 0) + (vector[i] ?? 0);
			group.sum[i] = value;
			norm += value * value;
		}
		group.norm = Math.sqrt(norm);
		group.faceIds.push(face.id);
		group.photoIds.add(face.photoId);
		if (face.outfit && face.outfit.length === outfitDescriptorLength) {
			for (let i = 0; i < outfitDescriptorLength; i++)
				group.outfitSum[i] = (group.outfitSum[i] ?? 0) + (face.outfit[i] ?? 0);
			group.outfits++;
			const count = group.outfits;
			group.outfit = group.outfitSum.map((value) => value / count);
		}
	};
	const newGroup = (face: ClusterInputFace, bib: string | null): Group => {
		const group: Group = {
			bib,
			sum: new Float32Array(dims),
			norm: 0,
			faceIds: [],
			photoIds: new Set(),
			leader: face.id,
			outfitSum: new Float64Array(outfitDescriptorLength),
			outfits: 0,
			outfit: null,
		};
		groups.push(group);
		if (bib) byBib.set(bib, group);
		return group;
	};
	// Runners first: every face seen wearing a bib seeds (or joins) that bib's group.
	for (const face of byQuality) {
		const vector = unit.get(face.id);
		if (!face.bib || !vector) continue;
		const group = byBib.get(face.bib) ?? newGroup(face, face.bib);
		join(group, face, vector);
	}
	const links: FaceBibLink[] = [];
	for (const face of byQuality) {
		const vector = unit.get(face.id);
		if (face.bib || !vector) continue;
		// Only groups the face could belong to compete: within `margin` of the threshold by the
		// face (a group further off could never be the look-alike the margin guards against).
		const near = options.threshold - margin;
		let best: Candidate | undefined;
		let secondBib = Number.NEGATIVE_INFINITY;
		let bestBib: Candidate | undefined;
		for (const group of groups) {
			if (group.norm === 0 || group.photoIds.has(face.photoId)) continue;
			let dot = 0;
			for (let i = 0; i < dims; i++) dot += (group.sum[i] ?? 0) * (vector[i] ?? 0);
			const similarity = dot / group.norm;
			if (similarity < near) continue;
			const candidate = { group, similarity, score: personScore(similarity, face.outfit, group.outfit) };
			if (!best || candidate.score > best.score) best = candidate;
			if (group.bib) {
				if (!bestBib || candidate.score > bestBib.score) {
					secondBib = bestBib?.score ?? Number.NEGATIVE_INFINITY;
					bestBib = candidate;
				} else if (candidate.score > secondBib) secondBib = candidate.score;
			}
		}
		if (bestBib && bestBib.similarity >= options.threshold && bestBib.score - secondBib >= margin) {
			join(bestBib.group, face, vector);
			const bib = bestBib.group.bib;
			if (bib) links.push({ faceId: face.id, photoId: face.photoId, bib, similarity: bestBib.similarity });
		} else if (best && !best.group.bib && best.similarity >= options.threshold) {
			join(best.group, face, vector);
		} else {
			join(newGroup(face, null), face, vector);
		}
	}
	return {
		clusters: groups.map((g) => ({ faceIds: g.faceIds, bib: g.bib, representativeFaceId: g.leader })),
		links,
	};
}

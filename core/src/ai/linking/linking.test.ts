import { describe, expect, it } from "vitest";
import type { RgbImage } from "../../image/decode-rgb.ts";
import { createSharp } from "../../image/sharp.ts";
import { assignBibsToFaces, withoutBibFaces } from "./assign-bibs-to-faces.ts";
import { type ClusterInputFace, clusterFaces } from "./cluster-faces.ts";
import { cosineSimilarity, packEmbeddings, similaritiesTo } from "./face-similarity.ts";
import {
	outfitDescriptor,
	outfitDescriptorLength,
	outfitRegion,
	outfitSimilarity,
	personScore,
	readOutfits,
} from "./outfit.ts";

/** Deterministic pseudo-random numbers, so a failure replays. */
function random(seed: number) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return ((state >>> 0) / 4294967296) * 2 - 1;
	};
}

const dims = 64;
function person(seed: number): number[] {
	const r = random(seed);
	return Array.from({ length: dims }, () => r());
}
/** Another photo of the same person: the identity plus noise (cosine ≈ 0.85 to the identity). */
function photoOf(identity: number[], seed: number, noise = 0.5): number[] {
	const r = random(seed * 7919);
	return identity.map((x) => x + noise * r());
}

describe("face similarity", () => {
	it("is 1 for the same direction, ~0 for unrelated vectors, and packs rows as unit vectors", () => {
		const a = person(1);
		expect(
			cosineSimilarity(
				a,
				a.map((x) => x * 3),
			),
		).toBeCloseTo(1, 6);
		expect(Math.abs(cosineSimilarity(person(1), person(2)))).toBeLessThan(0.35);
		const matrix = packEmbeddings([a, person(2), a.map((x) => -x)], dims);
		const sims = similaritiesTo(matrix, a);
		expect(sims[0]).toBeCloseTo(1, 5);
		expect(sims[2]).toBeCloseTo(-1, 5);
		expect(() => similaritiesTo(matrix, [1, 2])).toThrow(/dims/);
	});
});

describe("assignBibsToFaces", () => {
	const face = (x: number) => ({ box: { x, y: 0.1, width: 0.08, height: 0.1 } });
	const bibAt = (bib: string, x: number, y = 0.38) => ({ bib, box: { x, y, width: 0.06, height: 0.04 } });

	it("gives each bib to the face above it", () => {
		const result = assignBibsToFaces([face(0.1), face(0.5)], [bibAt("512", 0.51), bibAt("77", 0.11)]);
		expect([...result.entries()].sort()).toEqual([
			[0, "77"],
			[1, "512"],
		]);
	});

	it("leaves a face without a bib when no bib is below it, and ignores a bib far away", () => {
		const result = assignBibsToFaces([face(0.1), face(0.5)], [bibAt("77", 0.11), bibAt("9", 0.9, 0.9)]);
		expect([...result.entries()]).toEqual([[0, "77"]]);
	});

	it("gives a bib inside a face box to that face: the detector took the bib for a face", () => {
		// demo-36.jpg: the one "face" found lies on the first runner's bib, its centre above the
		// torso region of that box; the other two runners' bibs are elsewhere.
		const onBib = { box: { x: 0.147, y: 0.376, width: 0.119, height: 0.178 } };
		const bibs = [
			{ bib: "119", box: { x: 0.49, y: 0.375, width: 0.083, height: 0.06 } },
			{ bib: "106", box: { x: 0.144, y: 0.427, width: 0.089, height: 0.064 } },
			{ bib: "132", box: { x: 0.751, y: 0.456, width: 0.121, height: 0.091 } },
		];
		expect([...assignBibsToFaces([onBib], bibs).entries()]).toEqual([[0, "106"]]);
		// Before a bib in the torso region of another face box.
		expect([...assignBibsToFaces([face(0.1), onBib], [...bibs, bibAt("77", 0.11)]).entries()].sort()).toEqual(
			[
				[0, "77"],
				[1, "106"],
			],
		);
	});

	it("does not give a real face a small bib of someone further back seen within its box", () => {
		const near = { box: { x: 0.4, y: 0.1, width: 0.2, height: 0.25 } };
		const behind = { bib: "9", box: { x: 0.55, y: 0.12, width: 0.04, height: 0.03 } };
		const own = { bib: "512", box: { x: 0.43, y: 0.8, width: 0.15, height: 0.1 } };
		expect([...assignBibsToFaces([near], [behind, own]).entries()]).toEqual([[0, "512"]]);
	});

	it("pairs one face with one bib whatever the boxes, including a typed bib", () => {
		expect([...assignBibsToFaces([face(0.1)], [{ bib: "42", box: null }]).entries()]).toEqual([[0, "42"]]);
		expect(assignBibsToFaces([face(0.1), face(0.5)], [{ bib: "42", box: null }]).size).toBe(0);
	});
});

describe("withoutBibFaces", () => {
	it("drops a face box that holds a read bib, keeps real faces and a small bib seen beside a head", () => {
		const real = { box: { x: 0.1, y: 0.1, width: 0.1, height: 0.15 }, providerFaceId: "f-real" };
		const onBib = { box: { x: 0.5, y: 0.4, width: 0.1, height: 0.08 }, providerFaceId: "f-bib" };
		const bibs = [
			{ box: { x: 0.51, y: 0.42, width: 0.09, height: 0.04 } }, // the bib under the "face" onBib
			{ box: { x: 0.16, y: 0.2, width: 0.02, height: 0.01 } }, // a far runner's bib beside the real head
			{ box: null }, // typed by a pro: no position
		];
		const out = withoutBibFaces([real, onBib], bibs);
		expect(out.faces).toEqual([real]);
		expect(out.droppedProviderFaceIds).toEqual(["f-bib"]);
	});
});

describe("clusterFaces", () => {
	const alice = person(10);
	const bob = person(20);
	const carol = person(30);
	const face = (
		id: string,
		photoId: string,
		embedding: number[],
		bib: string | null,
		quality = 0.8,
	): ClusterInputFace => ({
		id,
		photoId,
		embedding,
		bib,
		quality,
	});

	it("links a face with a hidden bib to the runner it looks like, and only that one", () => {
		const faces = [
			face("a1", "p1", photoOf(alice, 1), "101"),
			face("a2", "p2", photoOf(alice, 2), "101"),
			face("b1", "p3", photoOf(bob, 3), "202"),
			face("a3", "p4", photoOf(alice, 4), null),
			face("b2", "p5", photoOf(bob, 5), null),
			face("c1", "p6", photoOf(carol, 6), null),
		];
		const { clusters, links } = clusterFaces(faces, { threshold: 0.6 });
		expect(links.map((l) => [l.faceId, l.bib]).sort()).toEqual([
			["a3", "101"],
			["b2", "202"],
		]);
		for (const link of links) expect(link.similarity).toBeGreaterThanOrEqual(0.6);
		const clusterOf = (id: string) => clusters.find((c) => c.faceIds.includes(id));
		expect(clusterOf("a3")?.bib).toBe("101");
		expect(clusterOf("c1")?.bib).toBeNull();
		expect(clusters).toHaveLength(3);
	});

	it("propagates a bib through the cluster: a face reaches the runner through a clearer face", () => {
		// f1 is the runner wearing 303; f2 is close to f1; f3 is close to f2 but too far from f1 alone.
		const base = person(40);
		const drift = person(41);
		const mix = (t: number) => base.map((x, i) => x * (1 - t) + (drift[i] ?? 0) * t);
		const direct = cosineSimilarity(mix(0), mix(0.62));
		expect(direct).toBeLessThan(0.7);
		const faces = [
			face("f1", "p1", mix(0), "303", 0.9),
			face("f2", "p2", mix(0.3), null, 0.8),
			face("f3", "p3", mix(0.62), null, 0.7),
		];
		const { links } = clusterFaces(faces, { threshold: 0.7 });
		expect(links.map((l) => l.faceId).sort()).toEqual(["f2", "f3"]);
	});

	it("links nothing between look-alike runners it cannot tell apart", () => {
		const twin = photoOf(alice, 99, 0.05);
		const faces = [
			face("a1", "p1", photoOf(alice, 1, 0.1), "101"),
			face("t1", "p2", photoOf(twin, 2, 0.1), "999"),
			face("x", "p3", photoOf(alice, 3, 0.1), null),
		];
		expect(clusterFaces(faces, { threshold: 0.6, margin: 0.05 }).links).toEqual([]);
	});

	it("never puts two faces of the same photo in one runner", () => {
		const faces = [face("a1", "p1", photoOf(alice, 1), "101"), face("a2", "p1", photoOf(alice, 2), null)];
		const { links, clusters } = clusterFaces(faces, { threshold: 0.5 });
		expect(links).toEqual([]);
		expect(clusters).toHaveLength(2);
	});

	it("respects the threshold from the settings", () => {
		const faces = [
			face("a1", "p1", photoOf(alice, 1, 1.2), "101"),
			face("a2", "p2", photoOf(alice, 2, 1.2), null),
		];
		const similarity = cosineSimilarity(faces[0]?.embedding ?? [], faces[1]?.embedding ?? []);
		expect(clusterFaces(faces, { threshold: similarity - 0.01 }).links).toHaveLength(1);
		expect(clusterFaces(faces, { threshold: similarity + 0.01 }).links).toHaveLength(0);
	});

	describe("with outfits", () => {
		/** A one-colour outfit: all of both halves' weight in one bin. */
		const outfit = (bin: number) =>
			Array.from({ length: outfitDescriptorLength }, (_, i) => (i === bin || i === bin + 41 ? 1 : 0));
		const red = outfit(0);
		const blue = outfit(24);
		const dressed = (f: ClusterInputFace, clothes: number[] | null): ClusterInputFace => ({
			...f,
			outfit: clothes,
		});

		it("tells look-alike runners apart by what they wear", () => {
			const twin = photoOf(alice, 99, 0.05);
			const faces = [
				dressed(face("a1", "p1", photoOf(alice, 1, 0.1), "101"), red),
				dressed(face("t1", "p2", photoOf(twin, 2, 0.1), "999"), blue),
				dressed(face("x", "p3", photoOf(alice, 3, 0.1), null), blue),
			];
			// Faces alone cannot tell them apart (the test above); the blue top can.
			expect(
				clusterFaces(faces, { threshold: 0.6, margin: 0.05 }).links.map((l) => [l.faceId, l.bib]),
			).toEqual([["x", "999"]]);
		});

		it("never links by the outfit alone: the face must still pass the threshold", () => {
			const faces = [
				dressed(face("a1", "p1", photoOf(alice, 1), "101"), red),
				dressed(face("b1", "p2", photoOf(bob, 2), null), red),
			];
			const similarity = cosineSimilarity(faces[0]?.embedding ?? [], faces[1]?.embedding ?? []);
			expect(similarity).toBeLessThan(0.6);
			expect(clusterFaces(faces, { threshold: 0.6 }).links).toEqual([]);
		});

		it("ranks by the face alone when the face has no outfit, and a group without one is not favoured", () => {
			const faces = [
				dressed(face("a1", "p1", photoOf(alice, 1), "101"), null),
				dressed(face("b1", "p2", photoOf(bob, 2), "202"), blue),
				dressed(face("a2", "p3", photoOf(alice, 3), null), null),
				dressed(face("a3", "p4", photoOf(alice, 4), null), blue),
			];
			const links = clusterFaces(faces, { threshold: 0.6 }).links.map((l) => [l.faceId, l.bib]);
			expect(links.sort()).toEqual([
				["a2", "101"],
				["a3", "101"],
			]);
		});
	});
});

describe("outfits", () => {
	/** An image painted by a function of (x, y) → [r, g, b]. */
	const paint = (width: number, height: number, colour: (x: number, y: number) => number[]): RgbImage => {
		const data = new Uint8Array(width * height * 3);
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 3);
		return { data, width, height };
	};
	const face = { x: 0.4, y: 0.1, width: 0.2, height: 0.2 };
	// A runner below the face: red top (upper half of the region), black shorts below the middle.
	const runner = (top: number[]) =>
		paint(200, 200, (_x, y) => {
			const region = outfitRegion(face);
			const middle = (region.y + region.height / 2) * 200;
			return y < Math.round(middle) ? top : [10, 10, 10];
		});

	it("describes the upper and lower halves apart, each histogram summing to 1", () => {
		const descriptor = outfitDescriptor(runner([220, 30, 30]), face);
		expect(descriptor).toHaveLength(outfitDescriptorLength);
		const upper = descriptor?.slice(0, 41) ?? [];
		const lower = descriptor?.slice(41) ?? [];
		expect(upper.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
		expect(lower.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
		// Red is a colour bin of the upper half; the black shorts fall in the darkest grey bin.
		expect(Math.max(...upper.slice(0, 36))).toBeCloseTo(1, 6);
		expect(lower[36]).toBeCloseTo(1, 6);
	});

	it("scores the same outfit 1, another top lower, and another outfit lowest", () => {
		const red = outfitDescriptor(runner([220, 30, 30]), face) ?? [];
		const darkerRed = outfitDescriptor(runner([200, 40, 35]), face) ?? [];
		const blue = outfitDescriptor(runner([30, 60, 220]), face) ?? [];
		expect(outfitSimilarity(red, red)).toBeCloseTo(1, 6);
		expect(outfitSimilarity(red, darkerRed)).toBeGreaterThan(0.9);
		// Same shorts, another top: half alike.
		expect(outfitSimilarity(red, blue)).toBeCloseTo(0.5, 6);
		expect(outfitSimilarity(red, [1, 2, 3])).toBe(0);
	});

	it("has no outfit for a face at the bottom edge of the photo", () => {
		expect(outfitDescriptor(runner([220, 30, 30]), { x: 0.4, y: 0.9, width: 0.1, height: 0.1 })).toBeNull();
	});

	it("adds the outfit to the face's score, neutrally when the candidate has none", () => {
		const red = outfitDescriptor(runner([220, 30, 30]), face) ?? [];
		const blue = outfitDescriptor(runner([30, 60, 220]), face) ?? [];
		expect(personScore(0.5, null, red)).toBe(0.5);
		expect(personScore(0.5, red, red)).toBeGreaterThan(personScore(0.5, red, null));
		expect(personScore(0.5, red, null)).toBeGreaterThan(personScore(0.5, red, blue) - 0.7);
		expect(personScore(0.6, red, blue)).toBeLessThan(personScore(0.5, red, red));
	});

	it("reads the outfits of a real 1600 px JPEG on a sampled grid, as counting every pixel of a small copy", async () => {
		const image = runner([220, 30, 30]);
		const jpeg = await createSharp(Buffer.from(image.data), { raw: { width: 200, height: 200, channels: 3 } })
			.resize(1600, 1600)
			.jpeg({ quality: 90 })
			.toBuffer();
		const [sampled] = await readOutfits({ data: jpeg, width: 1600, height: 1600 }, [face]);
		// 200 px: every pixel of the region is counted.
		const everyPixel = outfitDescriptor(image, face);
		expect(sampled).toHaveLength(outfitDescriptorLength);
		expect(outfitSimilarity(sampled ?? [], everyPixel ?? [])).toBeGreaterThan(0.9);
		const blue = outfitDescriptor(runner([30, 60, 220]), face) ?? [];
		expect(outfitSimilarity(sampled ?? [], blue)).toBeLessThan(0.6);
		expect(await readOutfits({ data: jpeg, width: 1600, height: 1600 }, [])).toEqual([]);
	});
});

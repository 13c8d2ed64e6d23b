import { afterAll, describe, expect, it } from "vitest";
import { makeDemoRacePhoto } from "../../demo/demo-photos.ts";
import { processPhoto } from "../../image/process-photo.ts";
import { readBibs } from "../bibs/read-bibs.ts";
import { createLocalEngine } from "../local/local-engine.ts";
import { assignBibsToFaces } from "./assign-bibs-to-faces.ts";
import { type ClusterInputFace, clusterFaces } from "./cluster-faces.ts";

/**
 * Two of the demo event's photos as `npm start` seeds them (api/src/start/seed-demo-photos.ts:
 * seed i, the start list 101–220) through the AI step's path: processPhoto's AI input, the real
 * local engine's faces and bibs, the bib-to-face assignment, then faces.cluster's grouping. The
 * generated heads have no features: the face detector finds the bibs instead, and their
 * pictures look alike (cosine ≈ 0.82). demo-07's single "face" wears its single bib 143; the
 * one of demo-36 sits on bib 106, above the torso region under it, and was linked to 143.
 */
const engine = createLocalEngine();
afterAll(() => engine.close());
const startList = new Set(Array.from({ length: 120 }, (_, i) => String(101 + i)));
const demo = [
	{ name: "demo-07.jpg", seed: 6, bibs: ["143"] },
	{ name: "demo-36.jpg", seed: 35, bibs: ["106", "119", "132"] },
];

describe("faces the detector found on bibs (demo photos, local engine)", () => {
	it("wear the bib they sit on, so face linking carries no other photo's bib to them", async () => {
		const faces: ClusterInputFace[] = [];
		for (const photo of demo) {
			const derived = await processPhoto(await makeDemoRacePhoto({ seed: photo.seed, bibs: photo.bibs }));
			const image = { data: derived.aiInput, ...derived.sizes.aiInput };
			const detected = await engine.detectFaces(image);
			const bibs = await readBibs(engine, image, detected, {
				minConfidence: 90,
				minLength: 1,
				maxLength: 6,
				startList,
			});
			expect(bibs.map((b) => b.bib).sort(), photo.name).toEqual(photo.bibs);
			// One "face" each, on a bib: what the guard is about (a new face model may find the heads).
			expect(detected.length, photo.name).toBe(1);
			const worn = assignBibsToFaces(detected, bibs);
			expect(worn.get(0), photo.name).toBe(photo.bibs[0]);
			detected.forEach((face, i) => {
				if (face.embedding)
					faces.push({
						id: `${photo.name}:${i}`,
						photoId: photo.name,
						embedding: face.embedding,
						bib: worn.get(i) ?? null,
						quality: face.quality,
					});
			});
		}
		expect(faces).toHaveLength(2);
		expect(clusterFaces(faces, { threshold: 0.72 }).links).toEqual([]);
	}, 120_000);
});

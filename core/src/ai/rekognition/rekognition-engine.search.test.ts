import { afterEach, describe, expect, it } from "vitest";
import type { FakeRekognitionOptions } from "./fake-rekognition-server.ts";
import {
	box,
	type EngineUnderTest,
	faceDetail,
	startEngineUnderTest,
	testCollectionPrefix,
	testJpeg,
} from "./rekognition-engine.testkit.ts";

let t: EngineUnderTest;
async function start(options: FakeRekognitionOptions = {}): Promise<EngineUnderTest> {
	t = await startEngineUnderTest(options);
	return t;
}
afterEach(async () => {
	await t.close();
});

const collectionId = `${testCollectionPrefix}event-1`;
const similarities: Record<string, number> = { "ana|ana": 99, "ana|anna": 85, "ana|bo": 40 };

/** Indexes one photo per person into event-1; similarity is scripted by person pairs. */
async function indexPeople(people: string[]): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	for (const [i, person] of people.entries()) {
		const image = await testJpeg(100 + i);
		t.see(image, { faces: [{ person, detail: faceDetail(box(0.1, 0.1, 0.3, 0.4)) }] });
		const [face] = await t.engine.detectFaces(image, { eventId: "event-1", photoId: `photo-${i}` });
		if (face?.providerFaceId) ids.set(person, face.providerFaceId);
	}
	return ids;
}

const bySimilarityTable: FakeRekognitionOptions["similarity"] = (a, b) =>
	similarities[`${a.person}|${b.person}`] ?? similarities[`${b.person}|${a.person}`] ?? 0;

describe("rekognition selfieQuery", () => {
	it("returns the collection's matches above minSimilarity, most similar first", async () => {
		await start({ similarity: bySimilarityTable });
		const ids = await indexPeople(["bo", "anna", "ana"]);
		const selfie = await testJpeg(1);
		t.see(selfie, { faces: [{ person: "ana", detail: faceDetail(box(0.3, 0.2, 0.4, 0.5)) }] });

		const query = await t.engine.selfieQuery(selfie, {
			eventId: "event-1",
			minSimilarity: 80,
			maxResults: 10,
		});

		expect(query).toEqual({
			kind: "provider-matches",
			matches: [
				{ providerFaceId: ids.get("ana"), similarity: 99 },
				{ providerFaceId: ids.get("anna"), similarity: 85 },
			],
		});
		expect(t.server.requestsOf("SearchFacesByImage")[0]?.body).toMatchObject({
			CollectionId: collectionId,
			FaceMatchThreshold: 80,
			MaxFaces: 10,
		});
	});

	it("is none when the selfie has no face", async () => {
		await start();
		await indexPeople(["ana"]);
		const selfie = await testJpeg(2);
		expect(
			await t.engine.selfieQuery(selfie, { eventId: "event-1", minSimilarity: 80, maxResults: 10 }),
		).toEqual({
			kind: "none",
		});
	});

	it("has no matches when the event has no collection yet", async () => {
		await start();
		const selfie = await testJpeg(3);
		t.see(selfie, { faces: [{ person: "ana", detail: faceDetail(box(0.3, 0.2, 0.4, 0.5)) }] });
		expect(
			await t.engine.selfieQuery(selfie, { eventId: "event-9", minSimilarity: 80, maxResults: 10 }),
		).toEqual({
			kind: "provider-matches",
			matches: [],
		});
		expect(t.server.requestsOf("CreateCollection")).toHaveLength(0);
	});

	it("sends parameters Rekognition accepts, whatever the caller asked", async () => {
		await start();
		await indexPeople(["ana"]);
		const selfie = await testJpeg(4);
		t.see(selfie, { faces: [{ person: "ana", detail: faceDetail(box(0.3, 0.2, 0.4, 0.5)) }] });
		await t.engine.selfieQuery(selfie, { eventId: "event-1", minSimilarity: 120, maxResults: 10_000 });
		expect(t.server.requestsOf("SearchFacesByImage")[0]?.body).toMatchObject({
			FaceMatchThreshold: 100,
			MaxFaces: 4096,
		});
	});

	it("lets other errors propagate", async () => {
		await start();
		t.server.failNext("SearchFacesByImage", { type: "ImageTooLargeException", message: "5 MB" });
		await expect(
			t.engine.selfieQuery(await testJpeg(5), { eventId: "event-1", minSimilarity: 80, maxResults: 10 }),
		).rejects.toMatchObject({ name: "ImageTooLargeException" });
	});
});

describe("rekognition similarIndexedFaces", () => {
	it("returns the other faces like an indexed one, never the face itself", async () => {
		// The fake lists the searched face too: our result must not depend on Rekognition leaving it out.
		await start({ similarity: bySimilarityTable, searchFacesReturnsSelf: true });
		const ids = await indexPeople(["ana", "anna", "bo"]);
		const ana = ids.get("ana") ?? "";

		const matches = await t.engine.similarIndexedFaces({
			eventId: "event-1",
			providerFaceId: ana,
			minSimilarity: 30,
			maxResults: 2,
		});

		expect(matches).toEqual([
			{ providerFaceId: ids.get("anna"), similarity: 85 },
			{ providerFaceId: ids.get("bo"), similarity: 40 },
		]);
		expect(t.server.requestsOf("SearchFaces")[0]?.body).toEqual({
			CollectionId: collectionId,
			FaceId: ana,
			FaceMatchThreshold: 30,
			MaxFaces: 3,
		});
	});

	it("is [] when the event has no collection", async () => {
		await start();
		expect(
			await t.engine.similarIndexedFaces({
				eventId: "event-9",
				providerFaceId: "00000000-0000-4000-8000-000000000000",
				minSimilarity: 80,
				maxResults: 10,
			}),
		).toEqual([]);
	});
});

describe("rekognition deleteFaces", () => {
	it("deletes the faces from the event's collection", async () => {
		await start();
		const ids = await indexPeople(["ana", "bo"]);
		await t.engine.deleteFaces("event-1", [ids.get("ana") ?? ""]);
		expect([...(t.server.collections.get(collectionId)?.keys() ?? [])]).toEqual([ids.get("bo")]);
	});

	it("makes no call for an empty list", async () => {
		await start();
		await t.engine.deleteFaces("event-1", []);
		expect(t.server.requests).toHaveLength(0);
	});

	it("sends at most 4096 face ids per DeleteFaces, each id once", async () => {
		await start();
		await indexPeople(["ana"]);
		const faceIds = Array.from(
			{ length: 4096 * 2 + 1 },
			(_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
		);

		await t.engine.deleteFaces("event-1", [...faceIds, faceIds[0] ?? ""]);

		const calls = t.server.requestsOf("DeleteFaces").map((request) => request.body.FaceIds as string[]);
		expect(calls.map((chunk) => chunk.length)).toEqual([4096, 4096, 1]);
		expect(calls.flat()).toEqual(faceIds);
	});

	it("is no error when the event has no collection", async () => {
		await start();
		await expect(
			t.engine.deleteFaces("event-9", ["00000000-0000-4000-8000-000000000000"]),
		).resolves.toBeUndefined();
		expect(t.server.requestsOf("DeleteFaces")).toHaveLength(1);
	});

	it("lets other errors propagate", async () => {
		await start();
		await indexPeople(["ana"]);
		t.server.failNext("DeleteFaces", { type: "ThrottlingException", message: "slow down" });
		await expect(
			t.engine.deleteFaces("event-1", ["00000000-0000-4000-8000-000000000000"]),
		).rejects.toMatchObject({
			name: "ThrottlingException",
		});
	});
});

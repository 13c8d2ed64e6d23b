import { IndexFacesCommand, ListFacesCommand, RekognitionClient } from "@aws-sdk/client-rekognition";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeFace } from "./fake-rekognition-server.ts";
import {
	box,
	type EngineUnderTest,
	faceDetail,
	startEngineUnderTest,
	testCollectionPrefix,
	testJpeg,
} from "./rekognition-engine.testkit.ts";

let t: EngineUnderTest;
/** A second client on the fake, to call ListFaces with parameters the engine never sends. */
let raw: RekognitionClient;
beforeEach(async () => {
	t = await startEngineUnderTest();
	raw = new RekognitionClient({
		region: t.server.region,
		endpoint: t.server.endpoint,
		credentials: t.server.credentials,
		maxAttempts: 1,
	});
});
afterEach(async () => {
	raw.destroy();
	await t.close();
});

const collectionId = `${testCollectionPrefix}event-1`;

/** Files `photos` photos of `facesPerPhoto` faces each into event-1 (IndexFaces takes ≤ 100 per image). */
async function indexPhotos(photos: number, facesPerPhoto: number): Promise<void> {
	const image = await testJpeg(30);
	const faces: FakeFace[] = Array.from({ length: facesPerPhoto }, (_, i) => ({
		person: `p${i}`,
		detail: faceDetail(box((i % 10) / 10, Math.floor(i / 10) / 10, 0.05, 0.05)),
	}));
	t.see(image, { faces });
	for (let i = 0; i < photos; i++) {
		await t.engine.detectFaces(image, { eventId: "event-1", photoId: `photo-${i}` });
	}
}

function listFaces(input: { MaxResults?: number; NextToken?: string; CollectionId?: string } = {}) {
	return raw.send(new ListFacesCommand({ CollectionId: collectionId, ...input }));
}

describe("rekognition listIndexedFaces", () => {
	it("lists the whole collection in pages of 4096, with the photo each face was filed under", async () => {
		// 8200 faces: two full pages and a third of 8.
		await indexPhotos(82, 100);
		const stored = t.server.collections.get(collectionId);

		const listed = await t.engine.listIndexedFaces("event-1");

		expect(listed).toHaveLength(8200);
		expect(new Set(listed.map((f) => f.providerFaceId))).toEqual(new Set(stored?.keys()));
		for (const face of listed) {
			expect(face.photoId).toBe(stored?.get(face.providerFaceId)?.externalImageId);
		}
		const pages = t.server.requestsOf("ListFaces");
		expect(pages.map((p) => [p.body.CollectionId, p.body.MaxResults])).toEqual([
			[collectionId, 4096],
			[collectionId, 4096],
			[collectionId, 4096],
		]);
		expect(pages[0]?.body.NextToken).toBeUndefined();
		expect(pages[1]?.body.NextToken).toEqual(expect.any(String));
		expect(pages[2]?.body.NextToken).toEqual(expect.any(String));
		expect(pages[2]?.body.NextToken).not.toBe(pages[1]?.body.NextToken);
	});

	it("answers [] for an event with no collection, and propagates other errors", async () => {
		expect(await t.engine.listIndexedFaces("event-9")).toEqual([]);
		expect(t.server.requestsOf("ListFaces")[0]?.body.CollectionId).toBe(`${testCollectionPrefix}event-9`);

		await indexPhotos(1, 1);
		t.server.failNext("ListFaces", { type: "ThrottlingException", message: "slow down" });
		await expect(t.engine.listIndexedFaces("event-1")).rejects.toMatchObject({ name: "ThrottlingException" });
	});

	it("gives no photo to a face filed without an ExternalImageId", async () => {
		await indexPhotos(1, 1);
		const image = await testJpeg(31);
		t.see(image, { faces: [{ person: "x", detail: faceDetail(box(0.1, 0.1, 0.2, 0.2)) }] });
		await raw.send(new IndexFacesCommand({ CollectionId: collectionId, Image: { Bytes: image.data } }));

		const listed = await t.engine.listIndexedFaces("event-1");

		expect(listed).toHaveLength(2);
		expect(listed.map((f) => f.photoId)).toEqual(expect.arrayContaining(["photo-0", null]));
	});
});

describe("the fake's ListFaces", () => {
	it("honours MaxResults, pages in FaceId order and sends NextToken only while faces remain", async () => {
		await indexPhotos(1, 5);
		const first = await listFaces({ MaxResults: 2 });
		const second = await listFaces({ MaxResults: 2, NextToken: first.NextToken });
		const third = await listFaces({ MaxResults: 2, NextToken: second.NextToken });

		expect([first, second, third].map((page) => page.Faces?.length)).toEqual([2, 2, 1]);
		expect([first.NextToken, second.NextToken]).toEqual([expect.any(String), expect.any(String)]);
		expect(third.NextToken).toBeUndefined();
		const ids = [first, second, third].flatMap((page) => page.Faces?.map((f) => f.FaceId) ?? []);
		expect(ids).toEqual([...(t.server.collections.get(collectionId)?.keys() ?? [])].sort());
		expect(first.FaceModelVersion).toBe("7.0");
		expect(first.Faces?.[0]).toEqual({
			FaceId: ids[0],
			BoundingBox: expect.objectContaining({ Width: 0.05, Height: 0.05 }),
			ImageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			ExternalImageId: "photo-0",
			Confidence: 99.5,
			IndexFacesModelVersion: "7.0",
		});
	});

	it("sends 1000 faces by default and refuses a bad MaxResults, token or collection", async () => {
		await indexPhotos(11, 100);
		const page = await listFaces();
		expect(page.Faces).toHaveLength(1000);
		expect(page.NextToken).toEqual(expect.any(String));

		for (const MaxResults of [0, 4097]) {
			await expect(listFaces({ MaxResults })).rejects.toMatchObject({ name: "InvalidParameterException" });
		}
		await expect(listFaces({ NextToken: "nope" })).rejects.toMatchObject({
			name: "InvalidPaginationTokenException",
		});
		await expect(listFaces({ CollectionId: "focus-racer-test-none" })).rejects.toMatchObject({
			name: "ResourceNotFoundException",
		});
	});
});

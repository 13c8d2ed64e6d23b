import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	box,
	type EngineUnderTest,
	startEngineUnderTest,
	testJpeg,
	word,
} from "./rekognition-engine.testkit.ts";

let t: EngineUnderTest;
beforeEach(async () => {
	t = await startEngineUnderTest();
});
afterEach(async () => {
	await t.close();
});

describe("rekognition engine on the wire", () => {
	it("speaks AWS JSON 1.1 to RekognitionService, SigV4-signed for the region", async () => {
		const image = await testJpeg(1);
		t.see(image, { texts: [word("42", 99, box(0.1, 0.1, 0.1, 0.1))] });
		await t.engine.detectText(image);

		const [request] = t.server.requestsOf("DetectText");
		expect(request?.headers["x-amz-target"]).toBe("RekognitionService.DetectText");
		expect(request?.headers["content-type"]).toBe("application/x-amz-json-1.1");
		expect(request?.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
		expect(request?.headers.authorization).toMatch(
			new RegExp(
				`^AWS4-HMAC-SHA256 Credential=${t.server.credentials.accessKeyId}/\\d{8}/${t.server.region}/rekognition/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$`,
			),
		);
	});

	it("sends the image bytes it was given, base64 in Image.Bytes", async () => {
		const image = await testJpeg(2);
		await t.engine.detectText(image);
		await t.engine.detectFaces(image);
		await t.engine.detectFaces(image, { eventId: "event-1", photoId: "photo-1" });
		await t.engine.selfieQuery(image, { eventId: "event-1", minSimilarity: 90, maxResults: 5 });

		const withImages = t.server.requests.filter((request) => request.body.Image !== undefined);
		expect(withImages.map((request) => request.operation)).toEqual([
			"DetectText",
			"DetectFaces",
			"IndexFaces", // fails: no collection yet
			"IndexFaces",
			"SearchFacesByImage",
		]);
		for (const request of withImages) {
			expect(request.image?.equals(image.data)).toBe(true);
			expect(request.body.Image).toEqual({ Bytes: image.data.toString("base64") });
		}
	});
});

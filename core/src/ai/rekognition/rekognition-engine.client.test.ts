import { DetectTextCommand, RekognitionClient } from "@aws-sdk/client-rekognition";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startFakeRekognitionServer } from "./fake-rekognition-server.ts";
import { testJpeg } from "./rekognition-engine.testkit.ts";
import { createRekognitionEngine } from "./rekognition-engine.ts";

afterEach(() => {
	vi.restoreAllMocks();
});

describe("rekognition engine client", () => {
	it("destroys the client it made on close", async () => {
		const destroy = vi.spyOn(RekognitionClient.prototype, "destroy");
		const engine = createRekognitionEngine({ region: "eu-west-1", collectionPrefix: "fr-", maxAttempts: 1 });
		await engine.close();
		expect(destroy).toHaveBeenCalledTimes(1);
	});

	it("leaves a client it was given open", async () => {
		const server = await startFakeRekognitionServer();
		const client = new RekognitionClient({
			region: server.region,
			endpoint: server.endpoint,
			credentials: server.credentials,
			maxAttempts: 1,
		});
		try {
			const destroy = vi.spyOn(client, "destroy");
			const engine = createRekognitionEngine({ region: "ignored", collectionPrefix: "fr-", client });
			expect(await engine.detectText(await testJpeg(1))).toEqual([]);
			await engine.close();
			expect(destroy).not.toHaveBeenCalled();
			const image = await testJpeg(2);
			await client.send(new DetectTextCommand({ Image: { Bytes: image.data } }));
			expect(server.requestsOf("DetectText")).toHaveLength(2);
		} finally {
			client.destroy();
			await server.close();
		}
	});

	it("refuses a collection prefix Rekognition would reject", () => {
		expect(() => createRekognitionEngine({ region: "eu-west-1", collectionPrefix: "focus racer/" })).toThrow(
			/collection prefix/,
		);
	});
});

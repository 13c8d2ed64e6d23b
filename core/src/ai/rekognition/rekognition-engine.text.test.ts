import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	box,
	type EngineUnderTest,
	line,
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

describe("rekognition detectText", () => {
	it("is a whole-image rekognition engine", () => {
		expect(t.engine.provider).toBe("rekognition");
		expect(t.engine.textStrategy).toBe("whole-image");
	});

	it("returns the WORDs of DetectText with their boxes and confidences, not the LINEs", async () => {
		const image = await testJpeg(3);
		t.see(image, {
			texts: [
				line("BIB 1234", 96.5, box(0.2, 0.5, 0.3, 0.08), 0),
				word("BIB", 93.1, box(0.2, 0.5, 0.1, 0.08), 1),
				word("1234", 99.2, box(0.32, 0.5, 0.18, 0.08), 2),
			],
		});

		expect(await t.engine.detectText(image)).toEqual([
			{ text: "BIB", confidence: 93.1, box: { x: 0.2, y: 0.5, width: 0.1, height: 0.08 } },
			{ text: "1234", confidence: 99.2, box: { x: 0.32, y: 0.5, width: 0.18, height: 0.08 } },
		]);
		expect(t.server.requestsOf("DetectText")).toHaveLength(1);
	});

	it("returns [] for an image without text", async () => {
		expect(await t.engine.detectText(await testJpeg(4))).toEqual([]);
	});

	it("lets an unexpected error propagate with its name", async () => {
		t.server.failNext("DetectText", { type: "ProvisionedThroughputExceededException", message: "slow down" });
		await expect(t.engine.detectText(await testJpeg(5))).rejects.toMatchObject({
			name: "ProvisionedThroughputExceededException",
			message: "slow down",
		});
		// maxAttempts 1: the SDK did not retry; the worker's job will.
		expect(t.server.requestsOf("DetectText")).toHaveLength(1);
	});
});

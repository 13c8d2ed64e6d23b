import { describe, expect, it, vi } from "vitest";
import type { DecodeCall } from "./count-decodes.testkit.ts";

/**
 * Counts pixel decodes of the photo's own bytes: every pipeline built from the original buffer
 * is recorded with the method that ran it. Header reads (metadata) are allowed; pixel output
 * (toBuffer) from the original must happen once.
 */
const calls: DecodeCall[] = [];

vi.mock("./sharp.ts", async (importOriginal) =>
	(await import("./count-decodes.testkit.ts")).countingSharp(importOriginal, calls),
);

const { processPhoto } = await import("./process-photo.ts");
const { cameraJpeg } = await import("./image-fixtures.testkit.ts");

describe("processPhoto", () => {
	it("decodes the original exactly once (plus a header read), whatever it derives", async () => {
		const photo = await cameraJpeg({ seed: 21, width: 3000, height: 2000, orientation: 6 });
		await processPhoto(photo); // warms the watermark cache (its SVG is a compressed input too)
		for (const options of [{}, { autoRetouch: true }, { keepDecoded: true }]) {
			calls.length = 0;
			const result = await processPhoto(photo, options);
			expect(result.sizes.web).toEqual({ width: 1067, height: 1600 });
			const ofPhoto = calls.filter((c) => c.input === photo);
			expect(ofPhoto.filter((c) => c.method !== "metadata")).toEqual([{ input: photo, method: "toBuffer" }]);
			expect(ofPhoto.filter((c) => c.method === "metadata")).toHaveLength(1);
			// Nothing else compressed was decoded either (the watermark overlay is cached as pixels).
			expect(calls.filter((c) => c.input !== photo)).toEqual([]);
		}
	});
});

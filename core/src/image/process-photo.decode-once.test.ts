import { describe, expect, it, vi } from "vitest";
import type { Sharp, SharpInput, SharpOptions } from "./sharp.ts";

/**
 * Counts pixel decodes of the photo's own bytes by wrapping the one sharp factory: every
 * pipeline built from the original buffer is recorded with the method that ran it. Header
 * reads (metadata) are allowed; pixel output (toBuffer) from the original must happen once.
 */
const calls: { input: unknown; method: string }[] = [];

vi.mock("./sharp.ts", async (importOriginal) => {
	const real = await importOriginal<typeof import("./sharp.ts")>();
	return {
		...real,
		createSharp(input?: SharpInput | SharpInput[], options?: SharpOptions): Sharp {
			const pipeline = real.createSharp(input, options);
			const isCompressed = Buffer.isBuffer(input) && options?.raw === undefined;
			if (!isCompressed) return pipeline;
			for (const method of ["metadata", "toBuffer", "stats", "toFile"] as const) {
				const original = pipeline[method].bind(pipeline) as (...args: unknown[]) => unknown;
				Object.assign(pipeline, {
					[method]: (...args: unknown[]) => {
						calls.push({ input, method });
						return original(...args);
					},
				});
			}
			return pipeline;
		},
	};
});

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

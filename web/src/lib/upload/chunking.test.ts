import { describe, expect, it } from "vitest";
import { chunkLimits, nextChunkLength } from "./chunking.ts";

const mb = 1024 * 1024;

describe("nextChunkLength", () => {
	it("waits until 25 files are ready, then sends 25", () => {
		expect(nextChunkLength(Array(24).fill(mb), false)).toBe(0);
		expect(nextChunkLength(Array(25).fill(mb), false)).toBe(25);
		expect(nextChunkLength(Array(40).fill(mb), false)).toBe(25);
	});

	it("sends what is left at the end", () => {
		expect(nextChunkLength(Array(7).fill(mb), true)).toBe(7);
		expect(nextChunkLength([], true)).toBe(0);
	});

	it("closes a chunk before it passes the byte cap, but always sends at least one file", () => {
		expect(nextChunkLength([40 * mb, 40 * mb, 40 * mb], false)).toBe(2);
		expect(nextChunkLength([200 * mb, mb], false)).toBe(1);
		expect(nextChunkLength([30 * mb, 30 * mb], false)).toBe(0);
		expect(chunkLimits.bytes).toBeLessThan(100 * mb);
	});
});

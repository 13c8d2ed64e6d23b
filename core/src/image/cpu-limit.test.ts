import { describe, expect, it } from "vitest";
import { createCpuLimit } from "./cpu-limit.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createCpuLimit", () => {
	it("runs at most n at once, in FIFO order, and frees slots on failure", async () => {
		const limit = createCpuLimit(2);
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		const releases: (() => void)[] = [];
		const tasks = Array.from({ length: 6 }, (_, i) =>
			limit.run(async () => {
				started.push(i);
				running++;
				peak = Math.max(peak, running);
				await new Promise<void>((resolve) => releases.push(resolve));
				running--;
				if (i === 1) throw new Error("boom");
				return i;
			}),
		);
		const settled = Promise.allSettled(tasks);
		await tick();
		expect([limit.active, limit.pending]).toEqual([2, 4]);
		while (releases.length > 0 || started.length < 6) {
			releases.shift()?.();
			await tick();
		}
		const results = await settled;
		expect(started).toEqual([0, 1, 2, 3, 4, 5]);
		expect(peak).toBe(2);
		expect(results[1]?.status).toBe("rejected");
		expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value)).toEqual([0, 2, 3, 4, 5]);
		expect([limit.active, limit.pending]).toEqual([0, 0]);
	});

	it("defaults to the number of cores and refuses nonsense", () => {
		expect(createCpuLimit().size).toBeGreaterThanOrEqual(1);
		expect(() => createCpuLimit(0)).toThrow();
		expect(() => createCpuLimit(1.5)).toThrow();
	});

	it("frees the slot when fn throws synchronously", async () => {
		const limit = createCpuLimit(1);
		await expect(
			limit.run(() => {
				throw new Error("sync");
			}),
		).rejects.toThrow("sync");
		expect(await limit.run(async () => 7)).toBe(7);
	});
});

import { availableParallelism } from "node:os";

export interface CpuLimit {
	/** Runs `fn` when a slot is free (FIFO), and frees the slot when its promise settles. */
	run<T>(fn: () => Promise<T>): Promise<T>;
	readonly size: number;
	readonly active: number;
	readonly pending: number;
}

/**
 * A FIFO semaphore for CPU-heavy steps. The worker keeps 16 jobs in flight so network waits
 * overlap, but only `size` (default: the cores) decode/encode/AI steps run at once: 16 photos
 * decoding together on 2 cores would each take 8× longer and hold 8× the memory.
 */
export function createCpuLimit(size: number = availableParallelism()): CpuLimit {
	if (!Number.isInteger(size) || size < 1)
		throw new Error(`createCpuLimit: size must be a whole number ≥ 1, got ${size}`);
	let active = 0;
	const waiting: (() => void)[] = [];

	const release = () => {
		const next = waiting.shift();
		if (next) next();
		else active--;
	};

	return {
		size,
		get active() {
			return active;
		},
		get pending() {
			return waiting.length;
		},
		async run<T>(fn: () => Promise<T>): Promise<T> {
			if (active < size) active++;
			// The slot is handed over directly by release(), so `active` never dips between two runs.
			else await new Promise<void>((resolve) => waiting.push(resolve));
			try {
				return await fn();
			} finally {
				release();
			}
		},
	};
}

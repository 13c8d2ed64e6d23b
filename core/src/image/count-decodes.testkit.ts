import type { Sharp, SharpInput, SharpOptions } from "./sharp.ts";

/** One pixel read (or header read, `metadata`) of a compressed image buffer. */
export interface DecodeCall {
	input: unknown;
	method: string;
}

/**
 * The sharp module with its one factory wrapped to record, in `calls`, every pipeline built from
 * a compressed buffer (raw pixels are not a decode) with the method that ran it. For
 * `vi.mock("./sharp.ts", (importOriginal) => countingSharp(importOriginal, calls))`.
 */
export async function countingSharp(
	importOriginal: () => Promise<typeof import("./sharp.ts")>,
	calls: DecodeCall[],
): Promise<typeof import("./sharp.ts")> {
	const real = await importOriginal();
	return {
		...real,
		createSharp(input?: SharpInput | SharpInput[], options?: SharpOptions): Sharp {
			const pipeline = real.createSharp(input, options);
			if (!(input instanceof Uint8Array) || options?.raw !== undefined) return pipeline;
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
}

import type { Create, Sharp, SharpInput, SharpOptions } from "sharp";
import sharp from "sharp";

export type {
	Metadata as SharpMetadata,
	OutputInfo as SharpOutputInfo,
	OverlayOptions,
	Sharp,
	SharpInput,
	SharpOptions,
} from "sharp";

/**
 * The only module that imports sharp (ARCHITECTURE §8.7): every image operation builds its
 * pipelines with `createSharp`, so the global options below hold for all of them.
 *
 * - concurrency 1: libvips threads per pipeline. Our parallelism is across photos (the worker's
 *   CPU limit runs one photo per core), and extra threads inside a pipeline only oversubscribe
 *   the cores. Measured by `npm run bench:pipeline` on 2 cores, 24 MP photos: 1 thread × 2
 *   photos at once 7.7 photos/s, 2 threads × 2 photos 7.3; a lone photo gains 5 % with 2 threads.
 *   (sharp's own default on glibc Linux is 1 too, against memory fragmentation.)
 * - cache off: libvips' operation cache keys on the input buffer, and every photo is a new
 *   buffer decoded exactly once, so a cache only holds memory (the old version's 2 GB of it).
 */
export const sharpSettings = { concurrency: 1, cache: false } as const;

sharp.concurrency(sharpSettings.concurrency);
sharp.cache(sharpSettings.cache);

/** The one factory for sharp pipelines (tests wrap it to count decodes). */
export function createSharp(input?: SharpInput | SharpInput[], options?: SharpOptions): Sharp {
	return sharp(input, options);
}

/** A new blank (or noise) image: canvases for overlays, fixtures in tests. */
export function createBlank(create: Create): Sharp {
	return sharp({ create });
}

/** For benchmarks that compare thread counts; production keeps `sharpSettings`. */
export function setSharpConcurrency(threads: number): number {
	return sharp.concurrency(threads);
}

export const sharpVersions = { sharp: sharp.versions.sharp, vips: sharp.versions.vips };

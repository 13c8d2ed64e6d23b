/**
 * The `e2e_photos_per_s` of `npm run bench:pipeline`: upload → ready through the real api (HTTP
 * uploads in chunks of 25), queue and a worker process, on an embedded PostgreSQL. The api side
 * lives in api/src/bench (tooling may import the api; the worker's runtime never does).
 */
export type MeasureEndToEnd = (photos: readonly Buffer[]) => Promise<number | null>;

export const measureEndToEnd: MeasureEndToEnd = async (photos) => {
	const { measureEndToEnd: measure } = await import("@focus-racer/api/bench");
	const result = await measure(photos, (line) => process.stdout.write(`${line}\n`));
	process.stdout.write(
		`  end to end: ${result.photos} photos (${result.ready} ready) in ${result.seconds.toFixed(1)} s = ${result.photosPerSecond.toFixed(2)} photos/s\n`,
	);
	return Number(result.photosPerSecond.toFixed(2));
};

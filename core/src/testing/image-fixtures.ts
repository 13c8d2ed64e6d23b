import { cameraJpeg } from "../image/image-fixtures.testkit.ts";

export { bombPng, cameraJpeg, isJpeg, isWebp } from "../image/image-fixtures.testkit.ts";

/**
 * A real JPEG for tests outside core (upload, pipeline, browser): the image tests' seeded scene,
 * without grain by default so blur and duplicate thresholds behave as on a clean photo. Two
 * seeds are two different pictures; one seed at two qualities is the same picture.
 */
export function makeTestJpeg(
	options: {
		seed: number;
		width?: number;
		height?: number;
		quality?: number;
		blurSigma?: number;
		grain?: number;
	} = { seed: 1 },
): Promise<Buffer> {
	return cameraJpeg({
		seed: options.seed,
		width: options.width ?? 1200,
		height: options.height ?? 800,
		quality: options.quality ?? 90,
		grain: options.grain ?? 0,
		...(options.blurSigma ? { blurSigma: options.blurSigma } : {}),
	});
}

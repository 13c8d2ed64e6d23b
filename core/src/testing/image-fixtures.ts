import { bombPng, cameraJpeg } from "../image/image-fixtures.testkit.ts";
import { createBlank, createSharp } from "../image/sharp.ts";

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

/** The awkward files photographers really send (PRODUCT: each gets its own clear outcome). */
export async function oddImageFiles(): Promise<Record<string, Buffer>> {
	const good = await makeTestJpeg({ seed: 501 });
	const frames = await Promise.all(
		[0, 1].map((i) =>
			createBlank({ width: 30, height: 30, channels: 3, background: { r: i * 200, g: 0, b: 0 } })
				.png()
				.toBuffer(),
		),
	);
	return {
		"empty.jpg": Buffer.alloc(0),
		"truncated.jpg": good.subarray(0, Math.floor(good.length / 2)),
		"notes.jpg": Buffer.from("not a photo, just text\n"),
		"bomb.png": bombPng(20000, 20000),
		"animated.gif": await createSharp(frames, { join: { animated: true } })
			.gif()
			.toBuffer(),
		"cmyk.jpg": await createBlank({
			width: 800,
			height: 600,
			channels: 3,
			background: { r: 220, g: 30, b: 30 },
		})
			.toColourspace("cmyk")
			.jpeg({ quality: 95 })
			.toBuffer(),
		"deep.png": await createBlank({
			width: 900,
			height: 600,
			channels: 3,
			background: { r: 40, g: 128, b: 200 },
		})
			.toColourspace("rgb16")
			.png()
			.toBuffer(),
		"rotated.jpg": await cameraJpeg({ seed: 502, width: 1200, height: 800, grain: 0, orientation: 6 }),
		"good.jpg": good,
	};
}

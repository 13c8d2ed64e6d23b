import {
	createSharp,
	defaultWatermarkSvg,
	imageSpec,
	laplacianVariance,
	perceptualHash,
	qualityScore,
} from "@focus-racer/core";

export interface PipelineOutputs {
	web: Buffer;
	thumb: Buffer;
	micro: Buffer;
	aiInput: Buffer;
	phash: string;
	blurScore: number;
	qualityScore: number;
}

/**
 * The old version's approach, the baseline of `npm run bench:pipeline`: seven sharp pipelines
 * over the ORIGINAL buffer in Promise.all (each decodes the file again), libwebp's default
 * effort, the watermark SVG rasterised on every thumbnail, and a full-size stats() for quality.
 * Same sizes and qualities as ours, so the outputs can be compared.
 */
export async function oldPipeline(original: Buffer): Promise<PipelineOutputs> {
	const open = () => createSharp(original, { autoOrient: true });
	const fit = (size: number) => ({
		width: size,
		height: size,
		fit: "inside" as const,
		withoutEnlargement: true,
	});
	const grey = async (size: number) =>
		open().resize(size, size, { fit: "fill" }).greyscale().raw().toBuffer({ resolveWithObject: true });
	const [web, aiInput, thumb, micro, hashInput, blurInput, stats] = await Promise.all([
		open().resize(fit(imageSpec.web.size)).webp({ quality: imageSpec.web.quality }).toBuffer(),
		open().resize(fit(imageSpec.aiInput.size)).jpeg({ quality: imageSpec.aiInput.quality }).toBuffer(),
		(async () => {
			// The SVG needs the thumbnail's size: resized first, then composited.
			const { data, info } = await open()
				.resize(fit(imageSpec.thumb.size))
				.raw()
				.toBuffer({ resolveWithObject: true });
			const svg = Buffer.from(defaultWatermarkSvg(info.width, info.height));
			return createSharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
				.composite([{ input: svg }])
				.webp({ quality: imageSpec.thumb.quality })
				.toBuffer();
		})(),
		// The old grid thumbnail (admin grid): from the original, without watermark.
		open().resize(fit(imageSpec.micro.size)).webp({ quality: imageSpec.micro.quality }).toBuffer(),
		grey(imageSpec.phash.size),
		grey(imageSpec.blur.size),
		open().stats(),
	]);
	if (hashInput.info.channels !== 1 || blurInput.info.channels !== 1)
		throw new Error("old pipeline: grey input is not 1 channel");
	const blurScore = laplacianVariance(blurInput.data, imageSpec.blur.size, imageSpec.blur.size);
	const channels = stats.channels.slice(0, 3);
	const mean = channels.reduce((s, c) => s + c.mean, 0) / channels.length;
	const stdev = channels.reduce((s, c) => s + c.stdev, 0) / channels.length;
	return {
		web,
		aiInput,
		thumb,
		micro,
		phash: perceptualHash(hashInput.data),
		blurScore,
		qualityScore: qualityScore(blurScore, { mean, stdev, clipped: 0 }),
	};
}

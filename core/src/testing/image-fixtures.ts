import { createSharp } from "../image/sharp.ts";

/**
 * Real JPEGs for tests, made by sharp on the fly (the repo ships no images): a "scene" of
 * coloured blocks and noise drawn from a seed, so two seeds are two different pictures and the
 * same seed re-encoded is the same picture.
 */
export async function makeTestJpeg(
	options: { seed: number; width?: number; height?: number; quality?: number; blurSigma?: number } = {
		seed: 1,
	},
): Promise<Buffer> {
	const width = options.width ?? 1200;
	const height = options.height ?? 800;
	let state = options.seed * 2654435761;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const blocks = Array.from({ length: 14 }, () => {
		const w = Math.round(width * (0.1 + random() * 0.4));
		const h = Math.round(height * (0.1 + random() * 0.4));
		const x = Math.round(random() * (width - w));
		const y = Math.round(random() * (height - h));
		const color = `rgb(${Math.round(random() * 255)},${Math.round(random() * 255)},${Math.round(random() * 255)})`;
		return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${color}"/>`;
	}).join("");
	const lines = Array.from({ length: 60 }, () => {
		const x = Math.round(random() * width);
		const y = Math.round(random() * height);
		return `<line x1="${x}" y1="${y}" x2="${x + Math.round(random() * 200 - 100)}" y2="${y + Math.round(random() * 200 - 100)}" stroke="black" stroke-width="2"/>`;
	}).join("");
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="rgb(${Math.round(random() * 255)},120,90)"/>${blocks}${lines}<text x="${width / 2}" y="${height / 2}" font-size="${Math.round(height / 6)}" font-family="sans-serif" fill="white">${1000 + options.seed}</text></svg>`;
	let image = createSharp(Buffer.from(svg));
	if (options.blurSigma) image = image.blur(options.blurSigma);
	return image.jpeg({ quality: options.quality ?? 90 }).toBuffer();
}

import { createRequire } from "node:module";
import path from "node:path";
import { bibDigitsSvg, createSharp } from "@focus-racer/core";

/**
 * Photos for the real local engine: a real person (from @vladmandic/human's own MIT-licensed
 * sample collage, read from the installed package, never copied into the repo) pasted on an
 * outdoor-like background, optionally wearing a bib drawn on the chest. Two people: `man`
 * (the collage's 3rd thumbnail) and `woman` (its 2nd).
 */
const require = createRequire(import.meta.url);
const samples = path.join(
	path.dirname(path.dirname(require.resolve("@vladmandic/human"))),
	"assets",
	"samples.jpg",
);
const people = {
	man: { left: 325, top: 0, width: 212, height: 160, chest: { x: 105, y: 112 } },
	woman: { left: 165, top: 0, width: 152, height: 160, chest: { x: 45, y: 118 } },
} as const;

export async function personScene(options: {
	person: keyof typeof people;
	scale: number;
	left: number;
	top: number;
	bib?: string;
	width?: number;
	height?: number;
}): Promise<Buffer> {
	const width = options.width ?? 2400;
	const height = options.height ?? 1600;
	const { chest, ...region } = people[options.person];
	const w = Math.round(region.width * options.scale);
	const h = Math.round(region.height * options.scale);
	const person = await createSharp(samples).extract(region).resize(w, h).png().toBuffer();
	const layers = [{ input: person, left: options.left, top: options.top }];
	if (options.bib) {
		const bw = Math.round(60 * options.scale);
		const bh = Math.round(34 * options.scale);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${bw}" height="${bh}"><rect width="100%" height="100%" fill="white" stroke="#333" stroke-width="2"/>${bibDigitsSvg(options.bib, { cx: bw / 2, cy: bh / 2, height: bh * 0.7, maxWidth: bw * 0.86 })}</svg>`;
		layers.push({
			input: Buffer.from(svg),
			left: options.left + Math.round(chest.x * options.scale),
			top: options.top + Math.round(chest.y * options.scale),
		});
	}
	const background = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#6d8a4a"/><rect width="100%" height="${Math.round(height * 0.38)}" fill="#9cc3e6"/></svg>`;
	return createSharp(Buffer.from(background)).composite(layers).jpeg({ quality: 90 }).toBuffer();
}

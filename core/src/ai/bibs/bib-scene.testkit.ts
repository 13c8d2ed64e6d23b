import { sceneSvg, seededRandom } from "../../image/image-fixtures.testkit.ts";
import { createSharp } from "../../image/sharp.ts";
import type { AiImage, NormalisedBox } from "../ai-engine.ts";

/**
 * Race-like photos with a readable bib, made in the test (the repo ships no images and a fresh
 * machine may have no fonts, so digits are stroked SVG paths, never <text>): a runner (head,
 * coloured shirt) over a noisy photo-like background, a white bib slightly rotated and skewed,
 * blurred like a lens, grained like a sensor, saved as JPEG.
 */

/** Stroke glyphs for 0–9 in a 10 × 16 box (round caps; a sans-serif bib font's skeleton). */
const glyphs: Record<string, string> = {
	"0": "M5 0 C1.2 0 0 3.8 0 8 C0 12.2 1.2 16 5 16 C8.8 16 10 12.2 10 8 C10 3.8 8.8 0 5 0 Z",
	"1": "M1.8 3.2 L6 0 L6 16",
	"2": "M0.6 4 C0.6 1.4 2.6 0 5 0 C7.8 0 9.6 1.8 9.6 4.4 C9.6 7.2 7 9.2 0.2 16 L10 16",
	"3": "M0.6 2.2 C1.8 0.7 3.3 0 5 0 C7.9 0 9.5 1.8 9.5 4 C9.5 6.4 7.6 7.8 4.4 7.8 C7.9 7.8 10 9.6 10 12 C10 14.4 8 16 5 16 C3 16 1.4 15.2 0.2 13.8",
	"4": "M7.6 16 L7.6 0 L0 11 L10 11",
	"5": "M9.4 0 L1.6 0 L0.8 7.2 C2 6.4 3.4 6 5 6 C8 6 10 8 10 11 C10 14 8 16 5 16 C3 16 1.3 15.2 0.2 13.8",
	"6": "M8.8 1.4 C7.8 0.4 6.6 0 5.4 0 C2 0 0 3.4 0 9 C0 13.6 2 16 5 16 C8 16 10 14 10 11 C10 8 8 6.4 5.2 6.4 C2.6 6.4 0.8 8 0.2 10.2",
	"7": "M0 0 L10 0 L3.8 16",
	"8": "M5 7.4 C2.2 7.4 0.9 5.9 0.9 3.8 C0.9 1.5 2.6 0 5 0 C7.4 0 9.1 1.5 9.1 3.8 C9.1 5.9 7.8 7.4 5 7.4 C1.8 7.4 0 9.4 0 11.8 C0 14.4 2 16 5 16 C8 16 10 14.4 10 11.8 C10 9.4 8.2 7.4 5 7.4 Z",
	"9": "M9.8 6.6 C9.2 8.6 7.4 9.6 5 9.6 C2 9.6 0 7.6 0 4.8 C0 2 2 0 5 0 C8 0 10 2 10 6.6 C10 12.2 8 16 4.6 16 C3.2 16 2 15.5 1 14.6",
};

/** The number as stroked paths: top-left at (0, 0), digits `height` px tall; and its width. */
export function digitsSvg(number: string, height: number, colour = "#111"): { svg: string; width: number } {
	const unit = height / 16;
	const advance = 13.5;
	const paths = Array.from(number)
		.map((digit, i) => {
			const glyph = glyphs[digit];
			if (!glyph) throw new Error(`digitsSvg: no glyph for "${digit}"`);
			return `<path transform="translate(${i * advance} 0)" d="${glyph}"/>`;
		})
		.join("");
	const width = (number.length * advance - 3.5) * unit;
	const stroke = `fill="none" stroke="${colour}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"`;
	return { svg: `<g transform="scale(${unit})" ${stroke}>${paths}</g>`, width };
}

export interface BibSceneOptions {
	seed: number;
	bib: string;
	/** Digit height in pixels of the photo. */
	digitHeight: number;
	width?: number;
	height?: number;
	/** Runner's face-box top-left, as a fraction of the photo (default: around the centre). */
	at?: { x: number; y: number };
	/** Degrees; default a seeded value within ±4. */
	rotation?: number;
	/** Degrees of skew (a bib on a chest turned away a little); default seeded within ±6. */
	skew?: number;
}

export interface BibScene {
	image: AiImage;
	/** The face box a face detector would return (≈1.55× the head's tight box), normalised. */
	face: NormalisedBox;
	/** The bib's digits, normalised (before rotation). */
	bibBox: NormalisedBox;
}

export async function bibScene(options: BibSceneOptions): Promise<BibScene> {
	const width = options.width ?? 1600;
	const height = options.height ?? 1067;
	const random = seededRandom(options.seed);
	const rotation = options.rotation ?? (random() - 0.5) * 8;
	const skew = options.skew ?? (random() - 0.5) * 12;
	// Face-detector box proportions of the measured photos: digits ≈ 0.37 of its height.
	const faceHeight = options.digitHeight / 0.37;
	const faceWidth = faceHeight * 0.8;
	const faceX = (options.at?.x ?? 0.45) * width;
	const faceY = (options.at?.y ?? 0.12) * height;
	const headRx = faceWidth / 1.55 / 2;
	const headRy = faceHeight / 1.55 / 2;
	const headCx = faceX + faceWidth / 2;
	const headCy = faceY + faceHeight / 2;
	const digits = digitsSvg(options.bib, options.digitHeight);
	const bibWidth = digits.width + options.digitHeight * 1.2;
	const bibHeight = options.digitHeight * 1.9;
	const bibCx = headCx;
	const bibCy = faceY + faceHeight * 2.6;
	const shirt = `hsl(${Math.round(random() * 360)},${50 + Math.round(random() * 40)}%,${30 + Math.round(random() * 30)}%)`;
	const runner = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect x="${headCx - faceWidth * 1.2}" y="${faceY + faceHeight * 0.95}" width="${faceWidth * 2.4}" height="${faceHeight * 4}" rx="${faceWidth * 0.4}" fill="${shirt}"/>
<ellipse cx="${headCx}" cy="${headCy}" rx="${headRx}" ry="${headRy}" fill="hsl(25,45%,${55 + Math.round(random() * 20)}%)"/>
<g transform="translate(${bibCx} ${bibCy}) rotate(${rotation.toFixed(2)}) skewX(${skew.toFixed(2)})">
<rect x="${-bibWidth / 2}" y="${-bibHeight / 2}" width="${bibWidth}" height="${bibHeight}" rx="${options.digitHeight * 0.15}" fill="#f4f4f0"/>
<g transform="translate(${-digits.width / 2} ${-options.digitHeight / 2})">${digits.svg}</g>
</g></svg>`;
	const pixels = await createSharp(Buffer.from(sceneSvg(options.seed, width, height)))
		.composite([{ input: Buffer.from(runner) }])
		.blur(0.7)
		.removeAlpha()
		.raw()
		.toBuffer();
	const image = await grainyJpeg(pixels, width, height, options.seed);
	return {
		image,
		face: { x: faceX / width, y: faceY / height, width: faceWidth / width, height: faceHeight / height },
		bibBox: {
			x: (bibCx - digits.width / 2) / width,
			y: (bibCy - options.digitHeight / 2) / height,
			width: digits.width / width,
			height: options.digitHeight / height,
		},
	};
}

/** The same kind of photo with nobody in it: no text to read. */
export async function emptyScene(seed: number, width = 1600, height = 1067): Promise<AiImage> {
	const pixels = await createSharp(Buffer.from(sceneSvg(seed, width, height)))
		.blur(0.7)
		.removeAlpha()
		.raw()
		.toBuffer();
	return grainyJpeg(pixels, width, height, seed);
}

async function grainyJpeg(pixels: Buffer, width: number, height: number, seed: number): Promise<AiImage> {
	const random = seededRandom(seed + 11);
	const clamped = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length);
	for (let i = 0; i < clamped.length; i++) clamped[i] = (clamped[i] ?? 0) + (random() + random() - 1) * 14;
	const data = await createSharp(pixels, { raw: { width, height, channels: 3 } })
		.jpeg({ quality: 88 })
		.toBuffer();
	return { data, width, height };
}

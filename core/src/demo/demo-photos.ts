import { createSharp } from "../image/sharp.ts";
import { bibDigitsSvg } from "./bib-digits.ts";

/**
 * Race-like pictures for the demo event: a trail scene with one to three runners, each wearing
 * a white bib with its number on the torso, so the demo gallery has something to sort. Drawn
 * as SVG and encoded by sharp like a camera JPEG; the same seed always gives the same picture.
 */
export async function makeDemoRacePhoto(options: {
	seed: number;
	bibs: string[];
	width?: number;
	height?: number;
}): Promise<Buffer> {
	const width = options.width ?? 2400;
	const height = options.height ?? 1600;
	let state = (options.seed + 1) * 2654435761;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const hue = Math.round(random() * 360);
	const skyTop = `hsl(${200 + Math.round(random() * 30)},70%,${55 + Math.round(random() * 20)}%)`;
	const ground = `hsl(${25 + Math.round(random() * 90)},35%,${30 + Math.round(random() * 15)}%)`;
	const horizon = Math.round(height * (0.35 + random() * 0.15));
	const trees = Array.from({ length: 12 }, () => {
		const x = Math.round(random() * width);
		const h = Math.round(height * (0.15 + random() * 0.2));
		return `<polygon points="${x},${horizon - h} ${x - h / 4},${horizon + 10} ${x + h / 4},${horizon + 10}" fill="hsl(${110 + Math.round(random() * 40)},40%,${20 + Math.round(random() * 15)}%)"/>`;
	}).join("");
	const runners = options.bibs
		.map((bib, i) => {
			const scale = 0.75 + random() * 0.35;
			const cx = Math.round(((i + 0.5) / options.bibs.length) * width + (random() - 0.5) * width * 0.15);
			const top = Math.round(height * 0.22 + random() * height * 0.08);
			const s = (n: number) => Math.round(n * scale * (height / 1600));
			const shirt = `hsl(${(hue + i * 97) % 360},75%,45%)`;
			const skin = `hsl(${20 + Math.round(random() * 15)},45%,${45 + Math.round(random() * 30)}%)`;
			return `<g>
				<circle cx="${cx}" cy="${top + s(90)}" r="${s(80)}" fill="${skin}"/>
				<rect x="${cx - s(140)}" y="${top + s(180)}" width="${s(280)}" height="${s(420)}" rx="${s(60)}" fill="${shirt}"/>
				<rect x="${cx - s(115)}" y="${top + s(300)}" width="${s(230)}" height="${s(150)}" fill="white" stroke="#222" stroke-width="${s(4)}"/>
				${bibDigitsSvg(bib, { cx, cy: top + s(375), height: s(100), maxWidth: s(200) })}
				<rect x="${cx - s(120)}" y="${top + s(600)}" width="${s(90)}" height="${s(420)}" fill="#1d2733" transform="rotate(${Math.round(random() * 30 - 15)} ${cx - s(75)} ${top + s(600)})"/>
				<rect x="${cx + s(30)}" y="${top + s(600)}" width="${s(90)}" height="${s(420)}" fill="#1d2733" transform="rotate(${Math.round(random() * 30 - 15)} ${cx + s(75)} ${top + s(600)})"/>
			</g>`;
		})
		.join("");
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
		<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="white"/></linearGradient></defs>
		<rect width="100%" height="${horizon}" fill="url(#sky)"/>
		<rect y="${horizon}" width="100%" height="${height - horizon}" fill="${ground}"/>
		${trees}${runners}
	</svg>`;
	return createSharp(Buffer.from(svg)).jpeg({ quality: 88, mozjpeg: false }).toBuffer();
}

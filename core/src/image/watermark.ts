import { createHash } from "node:crypto";
import type { RawImage } from "./decode-image.ts";
import { createBlank, createSharp, type OverlayOptions, type Sharp } from "./sharp.ts";

/**
 * "FOCUS RACER" as strokes on a 4×6 grid (an octagonal stencil font): no font files, so the
 * default watermark renders the same on a bare server image as on a desktop.
 */
const glyphs: Record<string, string> = {
	F: "M0 6V0H4M0 3H3",
	O: "M1 0H3L4 1V5L3 6H1L0 5V1Z",
	C: "M4 0H1L0 1V5L1 6H4",
	U: "M0 0V5L1 6H3L4 5V0",
	S: "M4 1L3 0H1L0 1V2L1 3H3L4 4V5L3 6H1L0 5",
	R: "M0 6V0H3L4 1V2L3 3H0M2 3L4 6",
	A: "M0 6V2L2 0L4 2V6M0 4H4",
	E: "M4 0H0V6H4M0 3H3",
};
const letterAdvance = 6;
const spaceAdvance = 4;
export const defaultWatermarkText = "FOCUS RACER";

function textPaths(text: string): { d: string; width: number } {
	let x = 0;
	const parts: string[] = [];
	for (const ch of text) {
		const glyph = glyphs[ch];
		if (glyph) {
			// Relative offset: translate every absolute command of the glyph by x.
			parts.push(glyph.replace(/([MLHV])([\d. ]+)/g, (_, cmd: string, args: string) => shift(cmd, args, x)));
			x += letterAdvance;
		} else {
			x += spaceAdvance;
		}
	}
	return { d: parts.join(""), width: x - (letterAdvance - 4) };
}

function shift(cmd: string, args: string, dx: number): string {
	const n = args.trim().split(/\s+/).map(Number);
	if (cmd === "H") return `H${(n[0] ?? 0) + dx}`;
	if (cmd === "V") return `V${n[0] ?? 0}`;
	return `${cmd}${(n[0] ?? 0) + dx} ${n[1] ?? 0}`;
}

/**
 * The default watermark for a width×height image: the text tiled in staggered rows, turned 30°,
 * a dark outline under a light stroke so it reads on snow and on asphalt, about half opaque.
 */
export function defaultWatermarkSvg(width: number, height: number): string {
	const unit = Math.max(2, Math.round(Math.min(width, height) * 0.01));
	const { d, width: textUnits } = textPaths(defaultWatermarkText);
	const tileW = Math.round(textUnits * unit * 1.6);
	const rowH = Math.round(6 * unit * 3.5);
	const text = (x: number, y: number) =>
		`<g transform="translate(${x} ${y}) scale(${unit})"><path d="${d}" stroke="#000" stroke-opacity="0.3" stroke-width="1.6"/><path d="${d}" stroke="#fff" stroke-opacity="0.55" stroke-width="0.8"/></g>`;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<defs><pattern id="wm" patternUnits="userSpaceOnUse" width="${tileW}" height="${2 * rowH}" patternTransform="rotate(-30)">`,
		`<g fill="none" stroke-linecap="round" stroke-linejoin="round">`,
		text(0, Math.round(rowH * 0.3)),
		text(Math.round(tileW / 2), Math.round(rowH * 1.3)),
		text(Math.round(tileW / 2) - tileW, Math.round(rowH * 1.3)),
		"</g></pattern></defs>",
		`<rect width="${width}" height="${height}" fill="url(#wm)"/>`,
		"</svg>",
	].join("");
}

/** Overlays already rasterised, per (watermark, size): a race is 2–3 sizes, so nearly all hits. */
const overlayCache = new Map<string, Promise<RawImage>>();
const overlayCacheLimit = 12;

/**
 * The RGBA overlay for a width×height image, rendered once per size and reused (an SVG render
 * or a PNG resize per photo would cost more than the composite). `png`: the platform watermark
 * set by the admin, tiled at 30 % of the width; a PNG that does not decode falls back to the
 * default text, so a bad setting never leaves photos unprotected or failing.
 */
export function watermarkOverlay(width: number, height: number, png?: Uint8Array | null): Promise<RawImage> {
	const id = png && png.length > 0 ? createHash("sha1").update(png).digest("hex") : "default";
	const key = `${id}:${width}x${height}`;
	let overlay = overlayCache.get(key);
	if (overlay) {
		overlayCache.delete(key); // re-insert: Map order is the LRU order
	} else {
		overlay =
			id === "default" || !png
				? renderDefault(width, height)
				: renderPng(png, width, height).catch(() => renderDefault(width, height));
		overlay.catch(() => overlayCache.delete(key));
	}
	overlayCache.set(key, overlay);
	while (overlayCache.size > overlayCacheLimit) {
		const oldest = overlayCache.keys().next().value;
		if (oldest === undefined) break;
		overlayCache.delete(oldest);
	}
	return overlay;
}

async function renderDefault(width: number, height: number): Promise<RawImage> {
	const svg = Buffer.from(defaultWatermarkSvg(width, height));
	return toRgba(createSharp(svg).resize(width, height, { fit: "fill" }));
}

async function renderPng(png: Uint8Array, width: number, height: number): Promise<RawImage> {
	const tileW = Math.max(8, Math.round(width * 0.3));
	const tile = await createSharp(png, { failOn: "error", limitInputPixels: 50_000_000 })
		.resize(tileW, Math.max(8, Math.round(height * 0.3)), { fit: "inside" })
		.ensureAlpha()
		.extend({
			top: Math.round(height * 0.06),
			bottom: Math.round(height * 0.06),
			left: Math.round(width * 0.05),
			right: Math.round(width * 0.05),
			background: { r: 0, g: 0, b: 0, alpha: 0 },
		})
		.png({ compressionLevel: 0 })
		.toBuffer();
	const canvas = createBlank({ width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } });
	return toRgba(canvas.composite([{ input: tile, tile: true, gravity: "northwest" }]));
}

async function toRgba(pipeline: Sharp): Promise<RawImage> {
	const { data, info } = await pipeline
		.ensureAlpha()
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	if (info.channels !== 4) throw new Error(`watermark overlay has ${info.channels} channels, expected 4`);
	return { data, width: info.width, height: info.height, channels: 4 };
}

/** The composite layer for a width×height image (cached overlay as raw RGBA: no decode per photo). */
export async function watermarkLayer(
	width: number,
	height: number,
	png?: Uint8Array | null,
): Promise<OverlayOptions> {
	const overlay = await watermarkOverlay(width, height, png);
	return { input: overlay.data, raw: { width: overlay.width, height: overlay.height, channels: 4 } };
}

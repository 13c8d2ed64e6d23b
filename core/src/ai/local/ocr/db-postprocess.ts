import type { PixelRect } from "./rgb-image.ts";

/** The DB detector's output: per-pixel probability of "inside a text line", row-major. */
export interface ProbabilityMap {
	data: Float32Array;
	width: number;
	height: number;
}

/** A text line box in the probability map's pixels, unclipped, with its mean probability. */
export interface TextBox extends PixelRect {
	score: number;
}

export interface DbPostprocessOptions {
	/** Pixel threshold of the text mask (PaddleOCR's det_db_thresh). */
	threshold: number;
	/** A component is kept when its mean probability reaches this (det_db_box_thresh). */
	boxThreshold: number;
	/** How far the shrunk kernel is grown back (det_db_unclip_ratio). */
	unclipRatio: number;
	/** Components whose short side is below this many pixels are noise. */
	minSize: number;
}

export const defaultDbPostprocess: DbPostprocessOptions = {
	threshold: 0.3,
	boxThreshold: 0.6,
	unclipRatio: 1.5,
	minSize: 3,
};

/**
 * DB post-processing: threshold the map, take 8-connected components, score each by its mean
 * probability, then grow its box back by the unclip distance (DB predicts a kernel shrunk by
 * that distance, so the raw component cuts the glyphs' edges). Boxes are axis-aligned: bibs are
 * near-horizontal and the recogniser tolerates a few degrees, so a rotated rectangle would only
 * cost a warp per line.
 */
export function boxesFromProbabilityMap(map: ProbabilityMap, options = defaultDbPostprocess): TextBox[] {
	const { width, height, data } = map;
	const seen = new Uint8Array(width * height);
	const stack = new Int32Array(width * height);
	const boxes: TextBox[] = [];
	for (let start = 0; start < data.length; start++) {
		if (seen[start] || (data[start] ?? 0) < options.threshold) continue;
		seen[start] = 1;
		let top = 0;
		stack[top++] = start;
		let minX = width;
		let minY = height;
		let maxX = -1;
		let maxY = -1;
		let sum = 0;
		let count = 0;
		while (top > 0) {
			const index = stack[--top] ?? 0;
			const x = index % width;
			const y = (index - x) / width;
			sum += data[index] ?? 0;
			count++;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
			for (let dy = -1; dy <= 1; dy++) {
				const ny = y + dy;
				if (ny < 0 || ny >= height) continue;
				for (let dx = -1; dx <= 1; dx++) {
					const nx = x + dx;
					if (nx < 0 || nx >= width) continue;
					const next = ny * width + nx;
					if (seen[next] || (data[next] ?? 0) < options.threshold) continue;
					seen[next] = 1;
					stack[top++] = next;
				}
			}
		}
		const boxWidth = maxX - minX + 1;
		const boxHeight = maxY - minY + 1;
		if (Math.min(boxWidth, boxHeight) < options.minSize) continue;
		const score = sum / count;
		if (score < options.boxThreshold) continue;
		// Unclip distance of the DB paper: area × ratio / perimeter.
		const distance = (boxWidth * boxHeight * options.unclipRatio) / (2 * (boxWidth + boxHeight));
		const x = Math.max(0, minX - distance);
		const y = Math.max(0, minY - distance);
		const right = Math.min(width, maxX + 1 + distance);
		const bottom = Math.min(height, maxY + 1 + distance);
		boxes.push({ x, y, width: right - x, height: bottom - y, score });
	}
	return boxes;
}

export interface LineMergeOptions {
	/** Largest horizontal gap between two boxes of one line, × the taller box's height. */
	maxGap: number;
	/** Least vertical overlap, × the shorter box's height. */
	minOverlap: number;
	/** Largest ratio of the two heights. */
	maxHeightRatio: number;
}

export const defaultLineMerge: LineMergeOptions = { maxGap: 0.6, minOverlap: 0.6, maxHeightRatio: 1.6 };

/**
 * Joins boxes that continue one line. DB's kernels can break at wide letter spacing (big bib
 * digits are spaced wide), and a lone "1" split off "0264" would be read alone, the number losing
 * a digit. On the RBNR dev photos it changed nothing (their partial reads come from the
 * recogniser, not from split boxes); it stays as a guard for wide-spaced race fonts.
 */
export function mergeLineBoxes(boxes: readonly TextBox[], options = defaultLineMerge): TextBox[] {
	const merged = boxes.map((box) => ({ ...box }));
	let changed = true;
	while (changed) {
		changed = false;
		for (let i = 0; i < merged.length && !changed; i++) {
			for (let j = i + 1; j < merged.length && !changed; j++) {
				const a = merged[i];
				const b = merged[j];
				if (!a || !b || !sameLine(a, b, options)) continue;
				merged[i] = union(a, b);
				merged.splice(j, 1);
				changed = true;
			}
		}
	}
	return merged;
}

function sameLine(a: TextBox, b: TextBox, options: LineMergeOptions): boolean {
	const taller = Math.max(a.height, b.height);
	const shorter = Math.min(a.height, b.height);
	if (taller > shorter * options.maxHeightRatio) return false;
	const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (overlap < shorter * options.minOverlap) return false;
	const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
	return gap <= taller * options.maxGap;
}

function union(a: TextBox, b: TextBox): TextBox {
	const x = Math.min(a.x, b.x);
	const y = Math.min(a.y, b.y);
	const right = Math.max(a.x + a.width, b.x + b.width);
	const bottom = Math.max(a.y + a.height, b.y + b.height);
	const areaA = a.width * a.height;
	const areaB = b.width * b.height;
	const score = (a.score * areaA + b.score * areaB) / (areaA + areaB);
	return { x, y, width: right - x, height: bottom - y, score };
}

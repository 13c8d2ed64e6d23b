import type { BoundingBox } from "@aws-sdk/client-rekognition";
import type { NormalisedBox } from "../ai-engine.ts";

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}

/**
 * Rekognition's boxes are already ratios of the image (Left/Top/Width/Height), but a face cut by
 * the frame comes back with a negative Left/Top or a box reaching past 1. Our boxes are "within
 * the image" (crops and torso regions are cut from them), so the box is clipped to the image.
 * No box, or nothing left inside the image: null, and the caller drops the item.
 */
export function toNormalisedBox(box: BoundingBox | undefined): NormalisedBox | null {
	if (
		box?.Left === undefined ||
		box.Top === undefined ||
		box.Width === undefined ||
		box.Height === undefined
	) {
		return null;
	}
	const [x, width] = clipSpan(box.Left, box.Width);
	const [y, height] = clipSpan(box.Top, box.Height);
	if (width <= 0 || height <= 0) return null;
	return { x, y, width, height };
}

/** Start and length of a span clipped to 0..1; left exact when inside (no float noise). */
function clipSpan(start: number, length: number): [number, number] {
	if (start >= 0 && start + length <= 1) return [start, length];
	const clippedStart = clamp01(start);
	return [clippedStart, clamp01(start + length) - clippedStart];
}

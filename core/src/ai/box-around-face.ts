import type { NormalisedBox } from "./ai-engine.ts";

/** Edges of a region in face boxes from the face box's top-left corner (negative: left of or above it). */
export interface FaceRelativeGeometry {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/**
 * The region a geometry describes around a face: the torso the OCR reads, the outfit's chest and
 * belly, the person mask's crop. In face boxes, so a far runner's region shrinks with the face.
 */
export function boxAroundFace(face: NormalisedBox, geometry: FaceRelativeGeometry): NormalisedBox {
	return {
		x: face.x + geometry.left * face.width,
		y: face.y + geometry.top * face.height,
		width: (geometry.right - geometry.left) * face.width,
		height: (geometry.bottom - geometry.top) * face.height,
	};
}

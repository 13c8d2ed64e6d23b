import type { faces } from "./schema/faces.ts";
import type { photoBibs } from "./schema/photo-bibs.ts";

/**
 * faces and photo_bibs keep a box as four real columns (normalised 0..1 to the image), not a
 * json value: SQL can filter and sort on them, and the face-size rules of the pipeline read
 * them. Every layer above works with one `{ x, y, width, height }` value; these two functions
 * are the only place the columns are spelled, both ways.
 */
type BoxTable = typeof faces | typeof photoBibs;

/** The box as insert values. */
export function boxColumns(box: { x: number; y: number; width: number; height: number }) {
	return { bboxX: box.x, bboxY: box.y, bboxWidth: box.width, bboxHeight: box.height };
}

/**
 * The box as a nested select field: `select({ box: selectBox(faces) })` gives each row a
 * `box` (whose fields are null for a photo_bibs row without a place: manual, face, chrono).
 */
export function selectBox<T extends BoxTable>(table: T) {
	return { x: table.bboxX, y: table.bboxY, width: table.bboxWidth, height: table.bboxHeight };
}

import type { AiEngine, AiImage, NormalisedBox, TextRead } from "../ai-engine.ts";

/**
 * The seam between the bib reader and an engine that can read parts of a photo (local OCR).
 * Engines with only `detectText` (Rekognition) never implement it: `readBibs` then sends the
 * whole image once, and everything after the reads (digit rules, start list) is shared.
 */

/** A part of the page to detect and read text in. */
export interface TextRegion {
	/** Normalised to the page. */
	box: NormalisedBox;
	/**
	 * Detector pixels per page pixel: chosen so the expected text is a good height for the
	 * detector. The recogniser always resamples each found line from the page's own pixels.
	 */
	scale: number;
	/**
	 * Lines shorter than this (normalised to the page height) are not read: the caller knows how
	 * tall the text it wants is, and each line read costs a recogniser run.
	 */
	minLineHeight?: number;
}

/** A character of a read with where it sits, so a number inside a longer line gets its own box. */
export interface PageChar {
	char: string;
	/** Percent 0–100. */
	confidence: number;
	/** Horizontal centre, normalised to the page. */
	x: number;
}

export interface PageTextRead extends TextRead {
	/** Box normalised to the whole page (not to the region). */
	box: NormalisedBox;
	chars: readonly PageChar[];
	/** Index of the region (or line box) the read came from. */
	source: number;
}

/** One decoded photo; reads any number of regions without decoding it again. */
export interface TextPage {
	readonly width: number;
	readonly height: number;
	/** Detects text lines inside each region and reads them. */
	readRegions(regions: readonly TextRegion[]): Promise<PageTextRead[]>;
	/** Reads each box as one line, no detection (re-reading a found number with more margin). */
	readLines(boxes: readonly NormalisedBox[]): Promise<(PageTextRead | null)[]>;
}

export interface TextPageReader {
	openPage(image: AiImage): Promise<TextPage>;
}

/** What `readBibs` needs from an engine; `pages` enables the torso-crop strategy. */
export type BibTextEngine = Pick<AiEngine, "textStrategy" | "detectText"> & { pages?: TextPageReader };

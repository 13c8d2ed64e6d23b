import { decodeRgb, type RgbImage } from "../../../image/decode-rgb.ts";
import type { AiImage, NormalisedBox, TextRead } from "../../ai-engine.ts";
import type { PageTextRead, TextPage, TextPageReader, TextRegion } from "../../bibs/text-page.ts";
import type { LineRead } from "./ctc-decode.ts";
import {
	type DbPostprocessOptions,
	defaultDbPostprocess,
	defaultLineMerge,
	type LineMergeOptions,
} from "./db-postprocess.ts";
import { acquireOcrModels, type OcrModels, releaseOcrModels } from "./ocr-models.ts";
import { clampRect, cropResizeRgb, type PixelRect } from "./rgb-image.ts";
import { detectorSize, runDetector } from "./run-detector.ts";
import { recogniserHeight, runRecogniser } from "./run-recogniser.ts";

export interface LocalOcrOptions {
	/** Long side cap of any detector input (cost grows with its area: ≈0.6 µs per pixel here). */
	maxDetectorSide?: number;
	/** Detector scale for `detectText` on a whole image (capped by maxDetectorSide). */
	wholeImageScale?: number;
	detector?: Partial<DbPostprocessOptions>;
	/** Joining of boxes that continue one line; null keeps DB's boxes as they are. */
	lineMerge?: Partial<LineMergeOptions> | null;
	/** Recogniser input width cap; longer lines are squeezed rather than cut. */
	maxLineWidth?: number;
	/**
	 * Horizontal room added on both sides of each detected line, × its height, before reading:
	 * the recogniser drops a first or last glyph that touches the crop edge (0.15: +1 bib and
	 * +0.5 points of precision on the dev photos; 0.3 lost one).
	 */
	linePadding?: number;
	/** Lines shorter than this many page pixels are not read (nothing legible, and each read costs). */
	minLineHeight?: number;
}

export interface LocalOcr extends TextPageReader {
	/** Every line of text in the image (AiEngine.detectText). */
	detectText(image: AiImage): Promise<TextRead[]>;
	/** Releases this user's hold on the shared models. */
	close(): Promise<void>;
}

/**
 * PaddleOCR PP-OCRv4 (detector + recogniser) on onnxruntime-node with our own pre- and
 * post-processing: the wrapper packages skip the detector's ImageNet normalisation and binarise
 * at 0.03, which cost a tenth of the recall on race photos.
 * The models load lazily on first use, once per process, shared by every instance.
 */
export function createLocalOcr(options: LocalOcrOptions = {}): LocalOcr {
	const settings = {
		maxDetectorSide: options.maxDetectorSide ?? 960,
		wholeImageScale: options.wholeImageScale ?? 1,
		detector: { ...defaultDbPostprocess, ...options.detector },
		lineMerge: options.lineMerge === null ? null : { ...defaultLineMerge, ...options.lineMerge },
		maxLineWidth: options.maxLineWidth ?? 960,
		minLineHeight: options.minLineHeight ?? 6,
		linePadding: options.linePadding ?? 0.15,
	};
	let models: Promise<OcrModels> | null = null;
	let closed = false;
	const useModels = () => {
		if (closed) throw new Error("LocalOcr is closed");
		models ??= acquireOcrModels();
		return models;
	};

	const openPage = async (image: AiImage): Promise<TextPage> => {
		const [loaded, rgb] = await Promise.all([useModels(), decodeRgb(image.data)]);
		return createPage(loaded, rgb, settings);
	};

	return {
		openPage,
		async detectText(image) {
			const page = await openPage(image);
			const whole = { box: { x: 0, y: 0, width: 1, height: 1 }, scale: settings.wholeImageScale };
			const reads = await page.readRegions([whole]);
			return reads.map(({ text, confidence, box }) => ({ text, confidence, box }));
		},
		async close() {
			if (closed) return;
			closed = true;
			if (models) {
				models = null;
				await releaseOcrModels();
			}
		},
	};
}

interface PageSettings {
	maxDetectorSide: number;
	detector: DbPostprocessOptions;
	lineMerge: LineMergeOptions | null;
	maxLineWidth: number;
	minLineHeight: number;
	linePadding: number;
}

function createPage(models: OcrModels, rgb: RgbImage, settings: PageSettings): TextPage {
	const { width, height } = rgb;
	const toPixels = (box: NormalisedBox): PixelRect =>
		clampRect(
			{ x: box.x * width, y: box.y * height, width: box.width * width, height: box.height * height },
			width,
			height,
		);

	const readLine = async (
		rect: PixelRect,
		source: number,
		minHeight = settings.minLineHeight,
	): Promise<PageTextRead | null> => {
		const area = clampRect(rect, width, height);
		if (area.height < minHeight) return null;
		const lineWidth = Math.min(
			settings.maxLineWidth,
			Math.max(16, Math.round((recogniserHeight * area.width) / area.height)),
		);
		const line = await cropResizeRgb(rgb, area, lineWidth, recogniserHeight);
		const read = await runRecogniser(models, line);
		return pageRead(read, area, source);
	};

	const pageRead = (read: LineRead, area: PixelRect, source: number): PageTextRead | null => {
		const text = read.text.trim();
		if (!text) return null;
		return {
			text,
			confidence: read.confidence * 100,
			box: { x: area.x / width, y: area.y / height, width: area.width / width, height: area.height / height },
			chars: read.chars.map((c) => ({
				char: c.char,
				confidence: c.probability * 100,
				x: (area.x + c.position * area.width) / width,
			})),
			source,
		};
	};

	return {
		width,
		height,
		async readRegions(regions: readonly TextRegion[]) {
			const reads: PageTextRead[] = [];
			for (const [source, region] of regions.entries()) {
				const rect = toPixels(region.box);
				const size = detectorSize(rect.width, rect.height, region.scale, settings.maxDetectorSide);
				const detectorImage = await cropResizeRgb(rgb, rect, size.width, size.height);
				const boxes = await runDetector(models, detectorImage, settings.detector, settings.lineMerge);
				const sx = rect.width / size.width;
				const sy = rect.height / size.height;
				const minHeight = Math.max(settings.minLineHeight, (region.minLineHeight ?? 0) * height);
				for (const box of boxes) {
					const pad = box.height * sy * settings.linePadding;
					const line = {
						x: rect.x + box.x * sx - pad,
						y: rect.y + box.y * sy,
						width: box.width * sx + 2 * pad,
						height: box.height * sy,
					};
					const read = await readLine(line, source, minHeight);
					if (read) reads.push(read);
				}
			}
			return reads;
		},
		async readLines(boxes: readonly NormalisedBox[]) {
			const reads: (PageTextRead | null)[] = [];
			for (const [source, box] of boxes.entries()) {
				const rect = {
					x: box.x * width,
					y: box.y * height,
					width: box.width * width,
					height: box.height * height,
				};
				reads.push(await readLine(rect, source));
			}
			return reads;
		},
	};
}

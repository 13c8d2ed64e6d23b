import type { TextDetection } from "@aws-sdk/client-rekognition";
import type { TextRead } from "../ai-engine.ts";
import { toNormalisedBox } from "./rekognition-box.ts";

/**
 * DetectText returns every LINE and every WORD of it; keeping the WORDs only means a bib printed
 * alone is not read twice (once as a line, once as its word), and our bib rules work on tokens.
 */
export function mapTextDetections(detections: readonly TextDetection[] | undefined): TextRead[] {
	const reads: TextRead[] = [];
	for (const detection of detections ?? []) {
		if (detection.Type !== "WORD") continue;
		const text = detection.DetectedText?.trim();
		const box = toNormalisedBox(detection.Geometry?.BoundingBox);
		if (!text || !box) continue;
		reads.push({ text, confidence: detection.Confidence ?? 0, box });
	}
	return reads;
}

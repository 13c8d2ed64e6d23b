import type { AiImage } from "../ai/ai-engine.ts";
import { decodeImage, fromRaw } from "./decode-image.ts";
import { imageSpec } from "./image-spec.ts";
import { normaliseUpload } from "./normalise-upload.ts";

/**
 * Any accepted image (a phone's 12 MP HEIC selfie included) as the engines want it: oriented,
 * ≤ 1600 px, JPEG — the same size and quality as the pipeline's AI input, so a selfie's face is
 * embedded exactly as the event's faces were. Throws ImageRejectedError for what does not decode.
 */
export async function toAiImage(buffer: Buffer, options: { maxPixels: number }): Promise<AiImage> {
	const upload = await normaliseUpload(buffer);
	const decoded = await decodeImage(upload.buffer, {
		maxSize: imageSpec.web.size,
		maxPixels: options.maxPixels,
	});
	const jpeg = await fromRaw(decoded)
		.jpeg({ quality: imageSpec.aiInput.quality })
		.toBuffer({ resolveWithObject: true });
	return { data: jpeg.data, width: jpeg.info.width, height: jpeg.info.height };
}

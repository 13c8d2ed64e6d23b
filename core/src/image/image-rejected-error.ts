import { AppError } from "../errors.ts";

/** Why a file is refused. Stable codes: the web translates them, the api returns them per file. */
export const imageRejectionReasons = [
	"empty",
	"not_an_image",
	"unsupported_format",
	"too_many_pixels",
	"animated",
	"corrupt",
] as const;
export type ImageRejectionReason = (typeof imageRejectionReasons)[number];

export const acceptedFormatsText = "JPEG, PNG, WebP, HEIC, TIFF or AVIF";

const defaultMessages: Record<ImageRejectionReason, string> = {
	empty: "The file is empty (0 bytes). Please upload it again.",
	not_an_image: `This file is not a photo. Upload ${acceptedFormatsText} images.`,
	unsupported_format: `This image format is not accepted. Upload ${acceptedFormatsText} images.`,
	too_many_pixels: "This image has too many pixels to be processed safely.",
	animated: "Animated images are not accepted: upload still photos.",
	corrupt:
		"The file is damaged or incomplete (the upload may have been cut off). Export it again and re-upload it.",
};

/**
 * A file we will not process, with a message a photographer understands. An AppError
 * (BAD_REQUEST) so the api can return it as is; `reason` is the stable code.
 */
export class ImageRejectedError extends AppError {
	override name = "ImageRejectedError";
	readonly reason: ImageRejectionReason;

	constructor(
		reason: ImageRejectionReason,
		message: string = defaultMessages[reason],
		options: { cause?: unknown } = {},
	) {
		super("BAD_REQUEST", message, options);
		this.reason = reason;
	}
}

export function tooManyPixelsError(width: number, height: number, maxPixels: number): ImageRejectedError {
	const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`;
	return new ImageRejectedError(
		"too_many_pixels",
		`This image is ${width} × ${height} pixels (${mp(width * height)}); the limit is ${mp(maxPixels)}. Export it smaller and re-upload it.`,
	);
}

/**
 * Maps a libvips failure to a rejection. Anything sharp cannot read past the header is
 * `corrupt`: the header said "image", the pixels disagree.
 */
export function rejectionFromSharpError(err: unknown): ImageRejectedError {
	const message = err instanceof Error ? err.message : String(err);
	if (/pixel limit/i.test(message))
		return new ImageRejectedError("too_many_pixels", undefined, { cause: err });
	if (/unsupported image format/i.test(message))
		return new ImageRejectedError("not_an_image", undefined, { cause: err });
	return new ImageRejectedError("corrupt", undefined, { cause: err });
}

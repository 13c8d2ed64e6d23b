/** The still-image formats we accept (HEIC is converted to JPEG on upload: see normalise-upload.ts). */
export const imageFormats = ["jpeg", "png", "webp", "tiff", "avif", "heic"] as const;
export type ImageFormat = (typeof imageFormats)[number];

export type SniffedFormat =
	| { kind: "accepted"; format: ImageFormat }
	/** An ISO-BMFF HEIF container whose brands do not say AV1 or HEVC: sharp's header decides. */
	| { kind: "heif" }
	/** GIF is an image we do not sell, except that an animated one deserves the clearer `animated` reason. */
	| { kind: "gif" }
	| { kind: "unsupported"; name: string }
	| { kind: "unknown" };

export const mimeTypes: Record<ImageFormat, string> = {
	jpeg: "image/jpeg",
	png: "image/png",
	webp: "image/webp",
	tiff: "image/tiff",
	avif: "image/avif",
	heic: "image/heic",
};

const heicBrands = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);
/** BMP's info-header sizes, so a text file that starts with "BM" is not taken for one. */
const bmpHeaderSizes = new Set([12, 40, 52, 56, 64, 108, 124]);
const avifBrands = new Set(["avif", "avis"]);

function startsWith(buffer: Uint8Array, bytes: readonly number[], offset = 0): boolean {
	if (buffer.length < offset + bytes.length) return false;
	return bytes.every((b, i) => buffer[offset + i] === b);
}

function ascii(buffer: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...buffer.subarray(start, end));
}

/**
 * Magic bytes only (never the file name): cheap, and the first line of defence before libvips
 * sees the bytes. SVG and PDF are refused here, so untrusted vector input never reaches librsvg.
 */
export function sniffFormat(buffer: Uint8Array): SniffedFormat {
	if (startsWith(buffer, [0xff, 0xd8, 0xff])) return { kind: "accepted", format: "jpeg" };
	if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
		return { kind: "accepted", format: "png" };
	if (buffer.length >= 12 && ascii(buffer, 0, 4) === "RIFF" && ascii(buffer, 8, 12) === "WEBP") {
		return { kind: "accepted", format: "webp" };
	}
	if (startsWith(buffer, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buffer, [0x4d, 0x4d, 0x00, 0x2a])) {
		return { kind: "accepted", format: "tiff" };
	}
	if (buffer.length >= 12 && ascii(buffer, 4, 8) === "ftyp") return sniffIsoBmff(buffer);
	if (buffer.length >= 6 && (ascii(buffer, 0, 6) === "GIF87a" || ascii(buffer, 0, 6) === "GIF89a"))
		return { kind: "gif" };
	if (
		startsWith(buffer, [0x42, 0x4d]) &&
		buffer.length >= 26 &&
		bmpHeaderSizes.has(buffer[14] ?? 0) &&
		buffer[15] === 0
	) {
		return { kind: "unsupported", name: "BMP" };
	}
	if (startsWith(buffer, [0xff, 0x0a]) || (buffer.length >= 12 && ascii(buffer, 4, 8) === "JXL ")) {
		return { kind: "unsupported", name: "JPEG XL" };
	}
	if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46])) return { kind: "unsupported", name: "PDF" };
	if (buffer.length >= 4 && ascii(buffer, 0, 4) === "8BPS")
		return { kind: "unsupported", name: "Photoshop (PSD)" };
	const head = new TextDecoder("utf-8", { fatal: false })
		.decode(buffer.subarray(0, 512))
		.trimStart()
		.toLowerCase();
	if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) {
		return { kind: "unsupported", name: "SVG" };
	}
	return { kind: "unknown" };
}

function sniffIsoBmff(buffer: Uint8Array): SniffedFormat {
	const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	const boxSize = Math.min(view.getUint32(0), buffer.length, 4096);
	const brands = [ascii(buffer, 8, 12)];
	for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(buffer, offset, offset + 4));
	if (brands.some((b) => avifBrands.has(b))) return { kind: "accepted", format: "avif" };
	if (brands.some((b) => heicBrands.has(b))) return { kind: "accepted", format: "heic" };
	if (brands.includes("mif1") || brands.includes("msf1")) return { kind: "heif" };
	// mp4, mov, 3gp … share the container.
	return { kind: "unsupported", name: "video" };
}

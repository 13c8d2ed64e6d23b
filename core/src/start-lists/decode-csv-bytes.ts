import type { CsvEncoding } from "./csv-format.ts";

export interface DecodedCsv {
	text: string;
	encoding: CsvEncoding;
}

const decoderLabels: Record<CsvEncoding, string> = {
	"utf-8": "utf-8",
	latin1: "windows-1252",
	"utf-16le": "utf-16le",
	"utf-16be": "utf-16be",
};

function bomEncoding(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | undefined {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
	// Excel's "Unicode text" export is UTF-16 LE with a BOM (and tabs).
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
	return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder("utf-8", { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * The file's text without its BOM. A BOM decides the encoding; without one, bytes that are
 * valid UTF-8 are UTF-8 (plain ASCII is both), anything else is taken as Windows-1252: the
 * chance that Latin-1 text with accents is also valid UTF-8 is negligible. `encoding` forces
 * a choice (the user picked it in the preview): invalid bytes then become U+FFFD.
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
	const bom = bomEncoding(bytes);
	const chosen = encoding ?? bom?.encoding ?? (isValidUtf8(bytes) ? "utf-8" : "latin1");
	// A BOM is dropped only when it belongs to the encoding used, otherwise it is data.
	const body = bom !== undefined && bom.encoding === chosen ? bytes.subarray(bom.length) : bytes;
	// ignoreBOM: the BOM is already stripped above; a second U+FEFF would be a real character.
	const text = new TextDecoder(decoderLabels[chosen], { ignoreBOM: true }).decode(body);
	return { text, encoding: chosen };
}

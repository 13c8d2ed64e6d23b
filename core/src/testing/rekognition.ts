/** Test kit for other packages: the fake Rekognition server and builders of its answers. */
export * from "../ai/rekognition/fake-rekognition-server.ts";
export { box, faceDetail, line, word } from "../ai/rekognition/rekognition-engine.testkit.ts";

/**
 * `WIDTHxHEIGHT` of a JPEG from its SOF header, without decoding: a fake's vision is a plain
 * function of the bytes, and tests tell their images apart by size.
 */
export function jpegSize(bytes: Buffer): string {
	let i = 2;
	while (i + 9 < bytes.length && bytes[i] === 0xff) {
		const marker = bytes[i + 1] ?? 0;
		// SOF0–SOF15 carry the size; C4 (Huffman), C8 (reserved) and CC (arithmetic) do not.
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return `${bytes.readUInt16BE(i + 7)}x${bytes.readUInt16BE(i + 5)}`;
		}
		i += 2 + bytes.readUInt16BE(i + 2);
	}
	return "?";
}

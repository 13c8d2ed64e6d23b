import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "./base64.ts";

describe("bytesToBase64", () => {
	it("matches Node's encoding, accents and large files included", () => {
		const text = new TextEncoder().encode("Dossard;Prénom\n12;Zoé\n");
		expect(bytesToBase64(text)).toBe(Buffer.from(text).toString("base64"));
		const large = new Uint8Array(200_000).map((_, i) => i % 251);
		expect(bytesToBase64(large)).toBe(Buffer.from(large).toString("base64"));
	});
});

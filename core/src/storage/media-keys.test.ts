import { describe, expect, it } from "vitest";
import {
	aiInputKey,
	brandingKey,
	cacheControlForKey,
	contentDisposition,
	contentTypeForKey,
	cropKey,
	eventMediaPrefix,
	gdprExportKey,
	isPublicMediaKey,
	mediaVersion,
	microKey,
	originalKey,
	parseMediaKey,
	photoDerivedPrefixes,
	platformKey,
	thumbKey,
	webKey,
} from "./media-keys.ts";
import { isValidStorageKey } from "./storage.ts";

const eventId = "0b6f5c1e-8f5a-4a57-9d1e-3f2b7c1d9e01";
const photoId = "6f1d2c3b-4a59-4e8f-a1b2-c3d4e5f60718";

describe("media keys", () => {
	it("builds the documented shapes", () => {
		expect(originalKey({ eventId, photoId, ext: "JPEG" })).toBe(`events/${eventId}/originals/${photoId}.jpg`);
		expect(webKey({ eventId, photoId, version: "a1b2c3" })).toBe(
			`events/${eventId}/web/${photoId}-a1b2c3.webp`,
		);
		expect(thumbKey({ eventId, photoId, version: 3 })).toBe(`events/${eventId}/thumbs/${photoId}-3.webp`);
		expect(microKey({ eventId, photoId, version: "v2" })).toBe(`events/${eventId}/micro/${photoId}-v2.webp`);
		expect(cropKey({ eventId, photoId, faceIndex: 2, version: "ff" })).toBe(
			`events/${eventId}/crops/${photoId}-2-ff.webp`,
		);
		expect(aiInputKey({ eventId, photoId, version: "1", ext: "jpg" })).toBe(
			`events/${eventId}/ai/${photoId}-1.jpg`,
		);
		expect(brandingKey({ eventId, name: "poster", version: "9", ext: ".png" })).toBe(
			`events/${eventId}/branding/poster-9.png`,
		);
		expect(platformKey({ name: "watermark", version: "1", ext: "png" })).toBe("platform/watermark-1.png");
		expect(gdprExportKey({ requestId: photoId, version: "1" })).toBe(`gdpr/${photoId}/export-1.zip`);
		expect(eventMediaPrefix(eventId)).toBe(`events/${eventId}/`);
		expect(photoDerivedPrefixes({ eventId, photoId })).toContain(`events/${eventId}/thumbs/${photoId}-`);
	});

	it("refuses ids, versions and extensions that would bend the key", () => {
		expect(() => originalKey({ eventId: "../x", photoId, ext: "jpg" })).toThrow(RangeError);
		expect(() => originalKey({ eventId, photoId: "a/b", ext: "jpg" })).toThrow(RangeError);
		expect(() => originalKey({ eventId, photoId, ext: "j/pg" })).toThrow(RangeError);
		expect(() => thumbKey({ eventId, photoId, version: "a-b" })).toThrow(RangeError);
		expect(() => thumbKey({ eventId, photoId, version: "" })).toThrow(RangeError);
		expect(() => cropKey({ eventId, photoId, faceIndex: -1, version: "a" })).toThrow(RangeError);
		expect(() => brandingKey({ eventId, name: "Poster!", version: "1", ext: "png" })).toThrow(RangeError);
	});

	it("versions by content: same bytes same key, other bytes another key", () => {
		const a = mediaVersion(Buffer.from("image A"));
		expect(a).toMatch(/^[0-9a-f]{10}$/);
		expect(mediaVersion(Buffer.from("image A"))).toBe(a);
		expect(mediaVersion(Buffer.from("image B"))).not.toBe(a);
		expect(isValidStorageKey(thumbKey({ eventId, photoId, version: a }))).toBe(true);
	});

	it("makes only watermarked images and branding public (PRODUCT §8)", () => {
		expect(isPublicMediaKey(thumbKey({ eventId, photoId, version: "1" }))).toBe(true);
		expect(isPublicMediaKey(microKey({ eventId, photoId, version: "1" }))).toBe(true);
		expect(isPublicMediaKey(brandingKey({ eventId, name: "logo", version: "1", ext: "png" }))).toBe(true);
		expect(isPublicMediaKey(originalKey({ eventId, photoId, ext: "jpg" }))).toBe(false);
		expect(isPublicMediaKey(webKey({ eventId, photoId, version: "1" }))).toBe(false);
		expect(isPublicMediaKey(cropKey({ eventId, photoId, faceIndex: 0, version: "1" }))).toBe(false);
		expect(isPublicMediaKey(aiInputKey({ eventId, photoId, version: "1", ext: "jpg" }))).toBe(false);
		expect(isPublicMediaKey(gdprExportKey({ requestId: photoId, version: "1" }))).toBe(false);
		expect(isPublicMediaKey(`events/${eventId}/thumbs/deeper/x.webp`)).toBe(false);
		expect(isPublicMediaKey(`other/${eventId}/thumbs/x.webp`)).toBe(false);
		expect(cacheControlForKey(thumbKey({ eventId, photoId, version: "1" }))).toContain("immutable");
		expect(cacheControlForKey(originalKey({ eventId, photoId, ext: "jpg" }))).toBe("private, no-store");
	});

	it("parses event keys", () => {
		expect(parseMediaKey(thumbKey({ eventId, photoId, version: "1" }))).toEqual({
			eventId,
			kind: "thumbs",
			name: `${photoId}-1.webp`,
		});
		expect(parseMediaKey(`events/${eventId}/unknown/x.webp`)).toBeNull();
		expect(parseMediaKey("gdpr/x/export-1.zip")).toBeNull();
	});

	it("types content from the extension, never SVG", () => {
		expect(contentTypeForKey("a/b.webp")).toBe("image/webp");
		expect(contentTypeForKey("a/b.JPG")).toBe("image/jpeg");
		expect(contentTypeForKey("a/b.heic")).toBe("image/heic");
		expect(contentTypeForKey("a/logo.svg")).toBe("application/octet-stream");
		expect(contentTypeForKey("a/noext")).toBe("application/octet-stream");
	});

	it("builds Content-Disposition safe from header injection", () => {
		expect(contentDisposition("photo.jpg")).toBe(
			`attachment; filename="photo.jpg"; filename*=UTF-8''photo.jpg`,
		);
		const evil = contentDisposition('a"\r\nSet-Cookie: x=1;/..\\b.jpg');
		expect(evil).not.toMatch(/[\r\n]/);
		expect(evil.split('"').length).toBe(3);
		expect(contentDisposition("")).toContain('filename="download"');
		expect(contentDisposition(`${"🏃".repeat(300)}\ud800`)).toMatch(
			/^attachment; filename="_{200}"; filename\*=UTF-8''(%F0%9F%8F%83){200}$/,
		);
	});
});

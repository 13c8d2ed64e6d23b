import { describe, expect, it } from "vitest";
import { distinctFilenames } from "./order-downloads.ts";

describe("distinctFilenames", () => {
	it("keeps names, numbers the repeats (any case) and replaces path and control characters", () => {
		expect(
			distinctFilenames([
				{ filename: "IMG_1.jpg" },
				{ filename: "img_1.JPG" },
				{ filename: "IMG_1.jpg" },
				{ filename: "../etc/passwd" },
				{ filename: "a\u0007b:c.jpg" },
				{ filename: "" },
				{ filename: "noext" },
				{ filename: "noext" },
			]),
		).toEqual([
			"IMG_1.jpg",
			"img_1-2.JPG",
			"IMG_1-3.jpg",
			".._etc_passwd",
			"a_b_c.jpg",
			"photo.jpg",
			"noext",
			"noext-2",
		]);
	});
});

import { describe, expect, it } from "vitest";
import {
	addAllPhotosBib,
	addPhotos,
	cartItemCount,
	emptyCart,
	maxAllPhotosBibs,
	parseCart,
	removeAllPhotosBib,
	removePhotos,
	takeAllPhotosOffer,
} from "./cart-state.ts";
import type { ShopPhoto } from "./shop-types.ts";

const photo = (id: string): ShopPhoto => ({
	id,
	microUrl: `/media/m/${id}.webp`,
	thumbUrl: `/media/t/${id}.webp`,
	width: 2400,
	height: 1600,
});

describe("cart state", () => {
	it("adds photos once, in the order picked, and remembers the bib searched", () => {
		let cart = addPhotos(emptyCart, [photo("a"), photo("b"), photo("a")], "123");
		cart = addPhotos(cart, [photo("b"), photo("c")]);
		expect(cart.photos.map((p) => p.id)).toEqual(["a", "b", "c"]);
		expect(cart.lastBib).toBe("123");
		expect(cartItemCount(cart)).toBe(3);
	});

	it("keeps only the public images and size of a photo", () => {
		const withExtra = { ...photo("a"), takenAt: "2026-10-18T09:00:00Z", originalKey: "secret" };
		const [kept] = addPhotos(emptyCart, [withExtra]).photos;
		expect(kept).toEqual(photo("a"));
	});

	it("removes photos and returns the same object when nothing changes", () => {
		const cart = addPhotos(emptyCart, [photo("a"), photo("b")]);
		expect(removePhotos(cart, ["a"]).photos.map((p) => p.id)).toEqual(["b"]);
		expect(removePhotos(cart, ["zzz"])).toBe(cart);
	});

	it("counts an all-photos bib as one item and never twice", () => {
		let cart = addAllPhotosBib(emptyCart, " 123 ");
		cart = addAllPhotosBib(cart, "123");
		expect(cart.allPhotosBibs).toEqual(["123"]);
		expect(cartItemCount(cart)).toBe(1);
		expect(removeAllPhotosBib(cart, "123").allPhotosBibs).toEqual([]);
		expect(addAllPhotosBib(cart, "  ")).toBe(cart);
	});

	it("pins the bibs the server priced an all-photos offer with", () => {
		const cart = takeAllPhotosOffer(addAllPhotosBib(emptyCart, "7"), ["7", "12"], "123");
		expect(cart.allPhotosBibs).toEqual(["7", "12", "123"]);
	});

	it("stops at the server's limit of all-photos bibs", () => {
		let cart = emptyCart;
		for (let i = 0; i < maxAllPhotosBibs + 5; i++) cart = addAllPhotosBib(cart, String(i));
		expect(cart.allPhotosBibs).toHaveLength(maxAllPhotosBibs);
	});

	it("reads back what it wrote and survives anything else in storage", () => {
		const cart = addAllPhotosBib(addPhotos(emptyCart, [photo("a")], "9"), "9");
		expect(parseCart(JSON.parse(JSON.stringify(cart)))).toEqual(cart);
		for (const junk of [undefined, null, 42, "x", [], { photos: "no" }, { photos: [{ id: 3 }, null] }]) {
			expect(parseCart(junk)).toEqual(emptyCart);
		}
		const partly = parseCart({
			photos: [{ id: "a", microUrl: 5, width: -1 }, { id: "a" }],
			allPhotosBibs: [1, "8"],
		});
		expect(partly.photos).toEqual([{ id: "a", microUrl: null, thumbUrl: null, width: null, height: null }]);
		expect(partly.allPhotosBibs).toEqual(["8"]);
	});
});

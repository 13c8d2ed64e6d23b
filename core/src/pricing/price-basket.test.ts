import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
	BasketNotForSaleError,
	type BasketPhoto,
	type BasketPrice,
	type PackOffer,
	type PriceBasketInput,
	priceBasket,
} from "./price-basket.ts";

// The product's example packs.
const one: PackOffer = { id: "one", name: "1 photo", priceCents: 500, photoCount: 1 };
const five: PackOffer = { id: "five", name: "5 photos", priceCents: 1500, photoCount: 5 };
const all: PackOffer = { id: "all", name: "All my photos", priceCents: 2500, photoCount: null };
const productPacks = [one, five, all];

/** `count` cart photos "<prefix>1".."<prefix>n" carrying `bibs`. */
function photos(count: number, bibs: readonly string[] = [], prefix = "p"): BasketPhoto[] {
	return Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, bibs }));
}

/** The runner's full photo list: the given cart photos, then photos not in the cart, up to `total`. */
function runnerIds(bib: string, cart: readonly BasketPhoto[], total: number): string[] {
	const ids = cart.map((photo) => photo.id);
	for (let index = ids.length; index < total; index++) ids.push(`${bib}-other-${index + 1}`);
	return ids;
}

function price(input: Partial<PriceBasketInput> & Pick<PriceBasketInput, "photos">): BasketPrice {
	return priceBasket({ packs: productPacks, runnerPhotoIds: new Map(), serviceFeeCents: 100, ...input });
}

/** Lines as "packId#bib:photo count" for compact assertions. */
function lineSummary(result: BasketPrice): string[] {
	return result.lines.map(
		(line) => `${line.packId}${line.bib ? `#${line.bib}` : ""}:${line.photoIds.length}`,
	);
}

describe("priceBasket — the product example (1 photo 5 €, 5 photos 15 €, all my photos 25 €)", () => {
	it("prices 1 photo 5 € and suggests 4 more photos for 10 € (the 5-photo pack)", () => {
		const result = price({ photos: photos(1) });
		expect(result).toEqual({
			lines: [{ packId: "one", name: "1 photo", priceCents: 500, photoIds: ["p1"], bib: null }],
			photoIds: ["p1"],
			subtotalCents: 500,
			serviceFeeCents: 100,
			totalCents: 600,
			upsells: [{ kind: "add_photos", packId: "five", extraPhotos: 4, extraCents: 1000 }],
		});
	});

	it("prices 2 photos 10 € and suggests 3 more photos for 5 €", () => {
		const result = price({ photos: photos(2) });
		expect(lineSummary(result)).toEqual(["one:1", "one:1"]);
		expect(result.subtotalCents).toBe(1000);
		expect(result.upsells).toEqual([{ kind: "add_photos", packId: "five", extraPhotos: 3, extraCents: 500 }]);
	});

	it("prices 3 photos with the 5-photo pack (same 15 € as 3 × 1, more room) and offers 2 free photos", () => {
		const result = price({ photos: photos(3) });
		expect(result.lines).toEqual([
			{ packId: "five", name: "5 photos", priceCents: 1500, photoIds: ["p1", "p2", "p3"], bib: null },
		]);
		expect(result.subtotalCents).toBe(1500);
		expect(result.upsells).toEqual([{ kind: "add_photos", packId: "five", extraPhotos: 2, extraCents: 0 }]);
	});

	it("prices 4 photos 15 € with 1 free slot left", () => {
		const result = price({ photos: photos(4) });
		expect(lineSummary(result)).toEqual(["five:4"]);
		expect(result.totalCents).toBe(1600);
		expect(result.upsells).toEqual([{ kind: "add_photos", packId: "five", extraPhotos: 1, extraCents: 0 }]);
	});

	it("prices 5 photos 15 € and suggests another 5 for 15 €", () => {
		const result = price({ photos: photos(5) });
		expect(lineSummary(result)).toEqual(["five:5"]);
		expect(result.subtotalCents).toBe(1500);
		expect(result.upsells).toEqual([
			{ kind: "add_photos", packId: "five", extraPhotos: 5, extraCents: 1500 },
		]);
	});

	it("prices 6 photos 20 € (5 + 1), filled in cart order, and suggests 4 more for 10 €", () => {
		const result = price({ photos: photos(6) });
		expect(result.lines.map((line) => [line.packId, line.photoIds])).toEqual([
			["five", ["p1", "p2", "p3", "p4", "p5"]],
			["one", ["p6"]],
		]);
		expect(result.subtotalCents).toBe(2000);
		expect(result.upsells).toEqual([
			{ kind: "add_photos", packId: "five", extraPhotos: 4, extraCents: 1000 },
		]);
	});

	it("keeps 5 + 1 (20 €) for 6 of a runner's 12 photos, and offers all 12 for 5 € more", () => {
		const cart = photos(6, ["123"]);
		const result = price({ photos: cart, runnerPhotoIds: new Map([["123", runnerIds("123", cart, 12)]]) });
		expect(lineSummary(result)).toEqual(["five:5", "one:1"]);
		expect(result.subtotalCents).toBe(2000);
		expect(result.upsells).toEqual([
			{ kind: "all_photos", packId: "all", bib: "123", photoCount: 12, extraCents: 500 },
			{ kind: "add_photos", packId: "five", extraPhotos: 4, extraCents: 1000 },
		]);
	});

	it("switches automatically to all 12 photos at 7 in the cart: 25 € either way, 5 more photos", () => {
		const cart = photos(7, ["123"]);
		const runner = runnerIds("123", cart, 12);
		const result = price({ photos: cart, runnerPhotoIds: new Map([["123", runner]]) });
		expect(result.lines).toEqual([
			{ packId: "all", name: "All my photos", priceCents: 2500, photoIds: runner, bib: "123" },
		]);
		expect(result.photoIds).toEqual(runner);
		expect(result.totalCents).toBe(2600);
		// No count line: the next 5 photos would be a fresh 5-photo pack.
		expect(result.upsells).toEqual([
			{ kind: "add_photos", packId: "five", extraPhotos: 5, extraCents: 1500 },
		]);
	});

	it("takes all 12 photos (25 €) over 5 + 5 (30 €) at 8 in the cart", () => {
		const cart = photos(8, ["123"]);
		const result = price({ photos: cart, runnerPhotoIds: new Map([["123", runnerIds("123", cart, 12)]]) });
		expect(lineSummary(result)).toEqual(["all#123:12"]);
		expect(result.subtotalCents).toBe(2500);
	});

	it("does not offer all photos of a runner whose photos are all in the cart already", () => {
		const cart = photos(2, ["123"]);
		const result = price({ photos: cart, runnerPhotoIds: new Map([["123", runnerIds("123", cart, 2)]]) });
		expect(result.upsells.map((upsell) => upsell.kind)).toEqual(["add_photos"]);
	});

	it("offers all photos only when it beats buying the missing ones one by one", () => {
		// 1 photo in the cart, 2 in all: the missing photo costs 5 €, all photos 20 € more.
		const cart = photos(1, ["123"]);
		const result = price({ photos: cart, runnerPhotoIds: new Map([["123", runnerIds("123", cart, 2)]]) });
		expect(result.upsells.some((upsell) => upsell.kind === "all_photos")).toBe(false);
		// 1 photo in the cart, 12 in all: 20 € more for 11 photos worth 55 €.
		const many = price({ photos: cart, runnerPhotoIds: new Map([["123", runnerIds("123", cart, 12)]]) });
		expect(many.upsells).toContainEqual({
			kind: "all_photos",
			packId: "all",
			bib: "123",
			photoCount: 12,
			extraCents: 2000,
		});
	});
});

describe("priceBasket — explicit all-photos packs", () => {
	it("sells all photos of an explicit bib, with no cart photo at all", () => {
		const runner = runnerIds("123", [], 12);
		const result = price({ photos: [], allPhotosBibs: ["123"], runnerPhotoIds: new Map([["123", runner]]) });
		expect(result.lines).toEqual([
			{ packId: "all", name: "All my photos", priceCents: 2500, photoIds: runner, bib: "123" },
		]);
		expect(result.photoIds).toEqual(runner);
		expect(result.totalCents).toBe(2600);
	});

	it("keeps an explicit bib even when count packs would be cheaper, and prices the rest by count", () => {
		const mine = photos(2, ["123"], "m");
		const others = photos(1, [], "o");
		const result = price({
			photos: [...mine, ...others],
			allPhotosBibs: ["123"],
			runnerPhotoIds: new Map([["123", runnerIds("123", mine, 3)]]),
		});
		expect(lineSummary(result)).toEqual(["all#123:3", "one:1"]);
		expect(result.lines[1]?.photoIds).toEqual(["o1"]);
		expect(result.subtotalCents).toBe(3000);
		expect(result.photoIds).toEqual(["m1", "m2", "o1", "123-other-3"]);
	});

	it("uses the cheapest all-photos pack when the event has several", () => {
		const cheap: PackOffer = {
			id: "all-cheap",
			name: "All photos (promo)",
			priceCents: 1800,
			photoCount: null,
		};
		const result = price({
			packs: [one, all, cheap],
			photos: [],
			allPhotosBibs: ["7"],
			runnerPhotoIds: new Map([["7", ["a", "b"]]]),
		});
		expect(lineSummary(result)).toEqual(["all-cheap#7:2"]);
		expect(result.subtotalCents).toBe(1800);
	});

	it("refuses an explicit bib with no photo, or when the event has no all-photos pack", () => {
		expect(() =>
			price({ photos: [], allPhotosBibs: ["404"], runnerPhotoIds: new Map([["404", []]]) }),
		).toThrow(BasketNotForSaleError);
		expect(() => price({ photos: [], allPhotosBibs: ["404"] })).toThrow(/no photo of bib 404/);
		expect(() =>
			price({
				packs: [one, five],
				photos: [],
				allPhotosBibs: ["7"],
				runnerPhotoIds: new Map([["7", ["a"]]]),
			}),
		).toThrow(BasketNotForSaleError);
	});
});

describe("priceBasket — bibs on photos", () => {
	it("counts a photo showing several runners once", () => {
		const cart: BasketPhoto[] = [
			{ id: "duo", bibs: ["1", "2"] },
			{ id: "a", bibs: ["1"] },
			{ id: "b", bibs: ["2"] },
		];
		const result = price({
			packs: [one, five],
			photos: cart,
			runnerPhotoIds: new Map([
				["1", ["duo", "a"]],
				["2", ["duo", "b"]],
			]),
		});
		expect(lineSummary(result)).toEqual(["five:3"]);
		expect(result.photoIds).toEqual(["duo", "a", "b"]);
	});

	it("covers a two-runner photo with one runner's pack and prices nothing twice", () => {
		// Runner 1: 6 photos + the duo, all in the cart; runner 2: the duo + 3 not in the cart.
		const mine = photos(6, ["1"], "a");
		const cart = [...mine, { id: "duo", bibs: ["1", "2"] }];
		const runner1 = cart.map((photo) => photo.id);
		const result = price({
			photos: cart,
			runnerPhotoIds: new Map([
				["1", runner1],
				["2", ["duo", "b1", "b2", "b3"]],
			]),
		});
		// 7 photos: 5 + 1 + 1 = 25 € = all of runner 1; the single line wins the tie.
		expect(lineSummary(result)).toEqual(["all#1:7"]);
		expect(result.subtotalCents).toBe(2500);
		// All of runner 2 on top would be 25 € for 3 photos worth 15 €: not offered.
		expect(result.upsells.every((upsell) => upsell.kind === "add_photos")).toBe(true);
	});

	it("prices photos with no bib by count, which can beat an all-photos pack", () => {
		const mine = photos(7, ["123"], "m");
		const strangers = photos(3, [], "s");
		const result = price({
			photos: [...mine, ...strangers],
			runnerPhotoIds: new Map([["123", runnerIds("123", mine, 12)]]),
		});
		// all (25 €) + 3 photos (15 €) = 40 € loses to 5 + 5 = 30 € for all 10.
		expect(lineSummary(result)).toEqual(["five:5", "five:5"]);
		expect(result.subtotalCents).toBe(3000);
		expect(result.upsells).toEqual([
			{ kind: "all_photos", packId: "all", bib: "123", photoCount: 12, extraCents: 1000 },
			{ kind: "add_photos", packId: "five", extraPhotos: 5, extraCents: 1500 },
		]);
	});

	it("lets a runner's pack cover a cart photo matched by face, and one tagged but missing from the list", () => {
		const cart: BasketPhoto[] = [
			{ id: "face", bibs: [] },
			{ id: "tagged", bibs: ["9"] },
		];
		const result = price({ packs: [all], photos: cart, runnerPhotoIds: new Map([["9", ["face", "x"]]]) });
		expect(result.lines).toEqual([
			{ packId: "all", name: "All my photos", priceCents: 2500, photoIds: ["face", "x", "tagged"], bib: "9" },
		]);
		expect(result.photoIds).toEqual(["face", "tagged", "x"]);
	});

	it("ignores empty bibs read on a photo", () => {
		const result = price({ packs: [one, all], photos: [{ id: "p", bibs: ["", " "] }] });
		expect(lineSummary(result)).toEqual(["one:1"]);
	});
});

describe("priceBasket — events selling only all-photos packs", () => {
	it("picks one line per runner needed, and for a two-runner photo the runner with more photos", () => {
		const result = price({
			packs: [all],
			photos: [
				{ id: "duo", bibs: ["1", "2"] },
				{ id: "c", bibs: ["3"] },
			],
			runnerPhotoIds: new Map([
				["1", ["duo", "a"]],
				["2", ["duo", "b1", "b2"]],
				["3", ["c"]],
			]),
		});
		expect(lineSummary(result)).toEqual(["all#2:3", "all#3:1"]);
		expect(result.subtotalCents).toBe(5000);
		// No count pack: the other runner's photo cannot be had any other way, so it is always offered.
		expect(result.upsells).toEqual([
			{ kind: "all_photos", packId: "all", bib: "1", photoCount: 2, extraCents: 2500 },
		]);
	});

	it("still sells a basket with more runners than the exhaustive search looks at", () => {
		const cart = Array.from({ length: 8 }, (_, index) => ({ id: `p${index}`, bibs: [`${index}`] }));
		const result = price({
			packs: [all],
			photos: cart,
			runnerPhotoIds: new Map(cart.map((photo, index) => [`${index}`, [photo.id]])),
		});
		expect(result.lines).toHaveLength(8);
		expect(result.subtotalCents).toBe(8 * 2500);
	});

	it("refuses a photo no runner was recognised on, naming it", () => {
		const run = () =>
			price({
				packs: [all],
				photos: [
					{ id: "mine", bibs: ["5"] },
					{ id: "blank", bibs: [] },
				],
				runnerPhotoIds: new Map([["5", ["mine"]]]),
			});
		expect(run).toThrow(BasketNotForSaleError);
		expect(run).toThrow(/Photo blank cannot be bought/);
	});
});

describe("priceBasket — fee, empty basket, errors, dedupe", () => {
	it("adds the service fee once to a non-empty basket, and supports no fee", () => {
		expect(price({ photos: photos(6), serviceFeeCents: 100 }).totalCents).toBe(2100);
		const free = price({ photos: photos(6), serviceFeeCents: 0 });
		expect(free).toMatchObject({ subtotalCents: 2000, serviceFeeCents: 0, totalCents: 2000 });
	});

	it("returns zero everything for an empty basket, fee included", () => {
		expect(price({ photos: [], allPhotosBibs: [] })).toEqual({
			lines: [],
			photoIds: [],
			subtotalCents: 0,
			serviceFeeCents: 0,
			totalCents: 0,
			upsells: [],
		});
	});

	it("refuses to sell anything on an event without packs, even an empty basket", () => {
		expect(() => price({ packs: [], photos: photos(1) })).toThrow(BasketNotForSaleError);
		expect(() => price({ packs: [], photos: [] })).toThrow(/no price pack/);
	});

	it("rejects more than 2000 photos and inconsistent money as bad requests", () => {
		const badRequest = (input: Parameters<typeof price>[0]) => {
			try {
				price(input);
			} catch (error) {
				return error instanceof AppError && error.code === "BAD_REQUEST";
			}
			return false;
		};
		expect(badRequest({ photos: photos(2000) })).toBe(false);
		expect(badRequest({ photos: photos(2001) })).toBe(true);
		expect(badRequest({ photos: photos(1), serviceFeeCents: -1 })).toBe(true);
		expect(badRequest({ photos: photos(1), serviceFeeCents: 0.5 })).toBe(true);
		expect(badRequest({ packs: [{ ...one, priceCents: -5 }], photos: photos(1) })).toBe(true);
		expect(badRequest({ packs: [{ ...one, photoCount: 0 }], photos: photos(1) })).toBe(true);
		expect(badRequest({ packs: [{ ...one, photoCount: 1.5 }], photos: photos(1) })).toBe(true);
		expect(badRequest({ photos: [], allPhotosBibs: [""] })).toBe(true);
	});

	it("prices 2000 photos", () => {
		const result = price({ photos: photos(2000) });
		expect(result.subtotalCents).toBe(400 * 1500);
		expect(result.photoIds).toHaveLength(2000);
	});

	it("ignores repeated photos, repeated bibs and repeated runner photos", () => {
		const cart = [...photos(2, ["7", "7"]), ...photos(2, ["7"])];
		const result = price({
			photos: cart,
			allPhotosBibs: ["7", "7"],
			runnerPhotoIds: new Map([["7", ["p1", "p2", "p2", "x"]]]),
		});
		expect(result.lines).toEqual([
			{ packId: "all", name: "All my photos", priceCents: 2500, photoIds: ["p1", "p2", "x"], bib: "7" },
		]);
		expect(result.photoIds).toEqual(["p1", "p2", "x"]);
		expect(price({ photos: [...photos(3), ...photos(3)] }).subtotalCents).toBe(1500);
	});

	it("uses a free pack only as much as needed, and upsells nothing cheaper than free", () => {
		const gift: PackOffer = { id: "gift", name: "Free photo", priceCents: 0, photoCount: 1 };
		const result = price({ packs: [gift, five], photos: photos(3) });
		expect(lineSummary(result)).toEqual(["gift:1", "gift:1", "gift:1"]);
		expect(result.subtotalCents).toBe(0);
		expect(result.upsells).toEqual([]);
	});

	it("keeps the cheapest of two packs of the same size, and handles a pack larger than the basket", () => {
		const dearFive: PackOffer = { id: "dear-five", name: "5 photos (old)", priceCents: 2000, photoCount: 5 };
		const huge: PackOffer = { id: "huge", name: "10 000 photos", priceCents: 9000, photoCount: 10_000 };
		expect(lineSummary(price({ packs: [dearFive, five, one], photos: photos(4) }))).toEqual(["five:4"]);
		const result = price({ packs: [one, huge], photos: photos(30) });
		expect(lineSummary(result)).toEqual(["huge:30"]);
		expect(result.upsells).toEqual([
			{ kind: "add_photos", packId: "huge", extraPhotos: 9970, extraCents: 0 },
		]);
	});
});

// ---------------------------------------------------------------------------------------------
// Property tests against an exhaustive optimum.
// ---------------------------------------------------------------------------------------------

const bibPool = ["1", "2", "3"];

/** Random packs, random small baskets of ≤ 8 photos and ≤ 3 runners, optional explicit bibs. */
const arbitraryInput = fc
	.record({
		countPacks: fc.array(
			fc.record({ photoCount: fc.integer({ min: 1, max: 6 }), price: fc.integer({ min: 0, max: 40 }) }),
			{ maxLength: 3 },
		),
		allPrices: fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 2 }),
		cartBibs: fc.array(fc.subarray(bibPool), { maxLength: 8 }),
		// Per runner: photos outside the cart, and cart photos matched by face rather than bib.
		extras: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
		faceLinks: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 7 })), {
			maxLength: 3,
		}),
		explicit: fc.subarray([...bibPool, "9"]),
		fee: fc.constantFrom(0, 100),
	})
	.filter((spec) => spec.countPacks.length + spec.allPrices.length > 0)
	.map((spec): PriceBasketInput => {
		// Prices in 50-cent steps, so ties (and the tie rules) come up often.
		const packs: PackOffer[] = [
			...spec.countPacks.map((pack, index) => ({
				id: `count${index}`,
				name: `${pack.photoCount} photos`,
				priceCents: pack.price * 50,
				photoCount: pack.photoCount,
			})),
			...spec.allPrices.map((cents, index) => ({
				id: `all${index}`,
				name: "All my photos",
				priceCents: cents * 50,
				photoCount: null,
			})),
		];
		const cart = spec.cartBibs.map((bibs, index) => ({ id: `c${index}`, bibs }));
		const runnerPhotoIds = new Map<string, string[]>();
		bibPool.forEach((bib, runner) => {
			const tagged = cart.filter((photo) => photo.bibs.includes(bib)).map((photo) => photo.id);
			const linked = spec.faceLinks
				.filter(([who, index]) => who === runner && index < cart.length)
				.map(([, index]) => `c${index}`);
			const outside = Array.from({ length: spec.extras[runner] ?? 0 }, (_, index) => `r${bib}-${index}`);
			runnerPhotoIds.set(bib, [...new Set([...tagged, ...linked, ...outside])]);
		});
		runnerPhotoIds.set("9", ["r9-0", "r9-1"]);
		return { packs, photos: cart, runnerPhotoIds, allPhotosBibs: spec.explicit, serviceFeeCents: spec.fee };
	});

/** What the optimum is judged by: subtotal ↑, photos bought ↓, free slots ↓, lines ↑. */
type Key = [subtotal: number, minusBought: number, minusSlack: number, lines: number];

function compareKeys(a: Key, b: Key): number {
	for (let index = 0; index < a.length; index++) {
		const diff = (a[index] ?? 0) - (b[index] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

function subsets<T>(items: readonly T[]): T[][] {
	let result: T[][] = [[]];
	for (const item of items) result = result.concat(result.map((subset) => [...subset, item]));
	return result;
}

/** Every multiset of count packs (one entry per line), each pack at most `limit(pack)` times. */
function multisets(packs: readonly PackOffer[], limit: (pack: PackOffer) => number): PackOffer[][] {
	let result: PackOffer[][] = [[]];
	for (const pack of packs) {
		const next: PackOffer[][] = [];
		for (const base of result) {
			for (let times = 0; times <= limit(pack); times++) next.push([...base, ...Array(times).fill(pack)]);
		}
		result = next;
	}
	return result;
}

/**
 * The exhaustive optimum: every subset of the candidate runners (on top of the explicit ones) ×
 * every multiset of count packs that covers the photos left without a useless line (dropping any
 * line would leave a photo uncovered — with paid packs the cheapest cover is always such a one).
 */
function bruteForce(input: PriceBasketInput): Key | "not for sale" {
	const cartIds = input.photos.map((photo) => photo.id);
	const explicit = [...new Set(input.allPhotosBibs ?? [])];
	const allPacks = input.packs.filter((pack) => pack.photoCount === null);
	const allPrice = allPacks.length ? Math.min(...allPacks.map((pack) => pack.priceCents)) : 0;
	const countPacks = input.packs.filter((pack) => pack.photoCount !== null);
	const runnerSet = (bib: string) =>
		new Set([
			...(input.runnerPhotoIds.get(bib) ?? []),
			...input.photos.filter((photo) => photo.bibs.includes(bib)).map((photo) => photo.id),
		]);
	if (explicit.length > 0 && (allPacks.length === 0 || explicit.some((bib) => runnerSet(bib).size === 0))) {
		return "not for sale";
	}
	const explicitCovered = new Set(explicit.flatMap((bib) => [...runnerSet(bib)]));
	const linked = [...input.runnerPhotoIds.keys()].filter((bib) =>
		cartIds.some((id) => runnerSet(bib).has(id)),
	);
	const cartBibs = [...new Set([...input.photos.flatMap((photo) => photo.bibs), ...linked])];
	const candidates = allPacks.length
		? cartBibs.filter(
				(bib) =>
					!explicit.includes(bib) && cartIds.some((id) => runnerSet(bib).has(id) && !explicitCovered.has(id)),
			)
		: [];
	let best: Key | undefined;
	for (const subset of subsets(candidates)) {
		const bibs = [...explicit, ...subset];
		const owned = new Set(bibs.flatMap((bib) => [...runnerSet(bib)]));
		const left = cartIds.filter((id) => !owned.has(id)).length;
		const bought = new Set([...cartIds, ...owned]).size;
		for (const multiset of multisets(countPacks, (pack) => Math.ceil(left / (pack.photoCount ?? 1)))) {
			const counts = multiset.map((pack) => pack.photoCount ?? 0);
			const sum = counts.reduce((a, b) => a + b, 0);
			const minimal = left === 0 ? multiset.length === 0 : sum >= left && sum - Math.min(...counts) < left;
			if (!minimal) continue;
			const cost = bibs.length * allPrice + multiset.reduce((total, pack) => total + pack.priceCents, 0);
			const key: Key = [cost, 0 - bought, 0 - (sum - left), bibs.length + multiset.length];
			if (!best || compareKeys(key, best) < 0) best = key;
		}
	}
	return best ?? "not for sale";
}

function keyOf(input: PriceBasketInput, result: BasketPrice): Key {
	const cartIds = new Set(input.photos.map((photo) => photo.id));
	const countLines = result.lines.filter((line) => line.bib === null);
	const packCount = (packId: string) => input.packs.find((pack) => pack.id === packId)?.photoCount ?? 0;
	const slots = countLines.reduce((total, line) => total + packCount(line.packId), 0);
	const filled = countLines.reduce((total, line) => total + line.photoIds.length, 0);
	expect(result.photoIds.filter((id) => cartIds.has(id))).toHaveLength(cartIds.size);
	return [result.subtotalCents, 0 - result.photoIds.length, 0 - (slots - filled), result.lines.length];
}

function tryPrice(input: PriceBasketInput): BasketPrice | "not for sale" {
	try {
		return priceBasket(input);
	} catch (error) {
		if (error instanceof BasketNotForSaleError) return "not for sale";
		throw error;
	}
}

describe("priceBasket — properties", () => {
	it("finds the exhaustive optimum (or agrees the basket is not for sale)", () => {
		fc.assert(
			fc.property(arbitraryInput, (input) => {
				const result = tryPrice(input);
				const expected = bruteForce(input);
				if (result === "not for sale" || expected === "not for sale") {
					expect(result).toBe(expected);
					return;
				}
				expect(keyOf(input, result)).toEqual(expected);
			}),
			{ numRuns: 400 },
		);
	});

	it("buys every cart photo exactly once, with consistent lines and totals", () => {
		fc.assert(
			fc.property(arbitraryInput, (input) => {
				const result = tryPrice(input);
				if (result === "not for sale") return;
				const cartIds = input.photos.map((photo) => photo.id);
				expect(new Set(result.photoIds).size).toBe(result.photoIds.length);
				for (const id of cartIds) expect(result.photoIds).toContain(id);
				expect(result.subtotalCents).toBe(result.lines.reduce((total, line) => total + line.priceCents, 0));
				const empty = cartIds.length === 0 && (input.allPhotosBibs ?? []).length === 0;
				expect(result.serviceFeeCents).toBe(empty ? 0 : input.serviceFeeCents);
				expect(result.totalCents).toBe(result.subtotalCents + result.serviceFeeCents);
				const allLines = result.lines.filter((line) => line.bib !== null);
				const countLines = result.lines.filter((line) => line.bib === null);
				const owned = new Set(allLines.flatMap((line) => line.photoIds));
				const counted = countLines.flatMap((line) => line.photoIds);
				expect(counted).toEqual(cartIds.filter((id) => !owned.has(id)));
				for (const line of countLines) {
					const pack = input.packs.find((candidate) => candidate.id === line.packId);
					expect(line.photoIds.length).toBeLessThanOrEqual(pack?.photoCount ?? 0);
				}
				expect(new Set(result.photoIds)).toEqual(new Set([...cartIds, ...owned]));
				expect(new Set(allLines.map((line) => line.bib)).size).toBe(allLines.length);
			}),
			{ numRuns: 300 },
		);
	});

	it("never lowers the subtotal when a photo is added", () => {
		fc.assert(
			fc.property(arbitraryInput, (input) => {
				const bigger = tryPrice(input);
				if (bigger === "not for sale" || input.photos.length === 0) return;
				const smaller = tryPrice({ ...input, photos: input.photos.slice(0, -1) });
				if (smaller === "not for sale") throw new Error("removing a photo made the basket unsellable");
				expect(smaller.subtotalCents).toBeLessThanOrEqual(bigger.subtotalCents);
			}),
			{ numRuns: 300 },
		);
	});

	it("never costs more than buying each photo at the single-photo price", () => {
		fc.assert(
			fc.property(arbitraryInput, (input) => {
				const countPrices = input.packs.filter((pack) => pack.photoCount !== null).map((p) => p.priceCents);
				if (countPrices.length === 0) return;
				const result = priceBasket({ ...input, allPhotosBibs: [] });
				expect(result.subtotalCents).toBeLessThanOrEqual(input.photos.length * Math.min(...countPrices));
			}),
			{ numRuns: 300 },
		);
	});

	it("keeps its upsell promises: taking one costs at most what it says", () => {
		fc.assert(
			fc.property(arbitraryInput, (input) => {
				const result = tryPrice(input);
				if (result === "not for sale") return;
				const kinds = result.upsells.map((upsell) => upsell.kind);
				expect(kinds.filter((kind) => kind === "add_photos").length).toBeLessThanOrEqual(1);
				expect(kinds.filter((kind) => kind === "all_photos").length).toBeLessThanOrEqual(2);
				const extras = result.upsells.map((upsell) => upsell.extraCents);
				expect(extras).toEqual([...extras].sort((a, b) => a - b));
				for (const upsell of result.upsells) {
					if (upsell.kind === "add_photos") {
						const added = photos(upsell.extraPhotos, [], "new");
						const taken = priceBasket({ ...input, photos: [...input.photos, ...added] });
						expect(taken.subtotalCents).toBeLessThanOrEqual(result.subtotalCents + upsell.extraCents);
					} else {
						const bibs = result.lines.flatMap((line) => (line.bib === null ? [] : [line.bib]));
						const taken = priceBasket({ ...input, allPhotosBibs: [...bibs, upsell.bib] });
						expect(taken.subtotalCents).toBe(result.subtotalCents + upsell.extraCents);
						expect(taken.photoIds.length).toBeGreaterThan(result.photoIds.length);
					}
				}
			}),
			{ numRuns: 200 },
		);
	});
});

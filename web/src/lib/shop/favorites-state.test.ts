import { describe, expect, it } from "vitest";
import {
	type FavoriteEntry,
	maxGuestFavorites,
	parseGuestFavorites,
	withFavorite,
	withoutFavorite,
} from "./favorites-state.ts";

const event = { id: "e1", slug: "trail", name: "Trail" };
const entry = (id: string): FavoriteEntry => ({
	photo: { id, microUrl: `/m/${id}`, thumbUrl: `/t/${id}`, width: 3, height: 2 },
	event,
});

describe("guest favorites", () => {
	it("puts the newest first and never holds a photo twice", () => {
		let list = withFavorite([], entry("a"));
		list = withFavorite(list, entry("b"));
		list = withFavorite(list, entry("a"));
		expect(list.map((e) => e.photo.id)).toEqual(["a", "b"]);
		expect(withoutFavorite(list, "a").map((e) => e.photo.id)).toEqual(["b"]);
	});

	it("keeps no more than the server merges at login", () => {
		let list: FavoriteEntry[] = [];
		for (let i = 0; i < maxGuestFavorites + 3; i++) list = withFavorite(list, entry(String(i)));
		expect(list).toHaveLength(maxGuestFavorites);
		expect(list[0]?.photo.id).toBe(String(maxGuestFavorites + 2));
	});

	it("reads back what it wrote and drops anything malformed", () => {
		const list = [entry("a"), entry("b")];
		expect(parseGuestFavorites(JSON.parse(JSON.stringify(list)))).toEqual(list);
		expect(parseGuestFavorites({ not: "a list" })).toEqual([]);
		expect(
			parseGuestFavorites([null, { photo: { id: "x" } }, { photo: { id: "y" }, event }, entry("y")]).map(
				(e) => e.photo.id,
			),
		).toEqual(["y"]);
	});
});

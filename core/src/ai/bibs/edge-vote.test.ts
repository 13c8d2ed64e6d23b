import { describe, expect, it } from "vitest";
import type { BibCandidate } from "./bib-rules.ts";
import { voteEdgeReads } from "./read-bibs.ts";

const box = { x: 0.4, y: 0.5, width: 0.1, height: 0.04 };
const read = (bib: string, confidence = 98, at = box): BibCandidate => ({ bib, confidence, box: at });

describe("voteEdgeReads", () => {
	it("takes the number two wider crops agree on: a lost or an added edge digit", () => {
		expect(voteEdgeReads(read("0190", 100), [[read("10190", 99)], [read("10190", 97)]], 90)).toEqual(
			read("10190", 98),
		);
		expect(voteEdgeReads(read("14345", 94), [[read("4345", 100)], [read("4345", 99)]], 90).bib).toBe("4345");
	});

	it("keeps the first read without a majority", () => {
		expect(voteEdgeReads(read("1142", 93), [[read("11142")], [read("142")]], 90)).toEqual(read("1142", 93));
		expect(voteEdgeReads(read("1142", 93), [[], []], 90)).toEqual(read("1142", 93));
	});

	it("keeps its confidence when the re-reads agree with it", () => {
		expect(voteEdgeReads(read("2", 70), [[read("2", 94)], [read("2", 95)]], 90)).toEqual(read("2", 70));
	});

	it("does not let an unsure majority replace a read that passes", () => {
		expect(voteEdgeReads(read("941", 100), [[read("2941", 82)], [read("2941", 80)]], 90)).toEqual(
			read("941", 100),
		);
	});

	it("lets a sure majority replace a read too unsure to pass", () => {
		expect(voteEdgeReads(read("3200", 89), [[read("82007", 98)], [read("82007", 100)]], 90)).toEqual(
			read("82007", 99),
		);
	});

	it("matches each re-read by horizontal overlap, not by the order of its numbers", () => {
		const elsewhere = { ...box, x: 0.7 };
		const rereads = [
			[read("55", 100, elsewhere), read("10190", 99)],
			[read("10190", 99), read("55", 100, elsewhere)],
		];
		expect(voteEdgeReads(read("0190", 100), rereads, 90).bib).toBe("10190");
	});
});

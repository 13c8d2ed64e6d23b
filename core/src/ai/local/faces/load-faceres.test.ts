import { describe, expect, it } from "vitest";
import type { GraphNode } from "./fuse-faceres-graph.ts";
import { openInputSide } from "./load-faceres.ts";

const placeholder = (dims: string[]): GraphNode => ({
	name: "input_1",
	op: "Placeholder",
	attr: { shape: { shape: { dim: dims.map((size) => ({ size })) } }, dtype: { type: "DT_FLOAT" } },
});
const dimsOf = (node: GraphNode | undefined): string[] =>
	((node?.attr?.shape as { shape: { dim?: { size: string }[] } } | undefined)?.shape.dim ?? []).map(
		(d) => d.size,
	);

describe("openInputSide", () => {
	it("opens height and width of the image input, keeps batch, channels and the rest", () => {
		const conv: GraphNode = { name: "conv", op: "Conv2D", input: ["input_1"], attr: { strides: {} } };
		const original = [placeholder(["-1", "224", "224", "3"]), conv];
		const opened = openInputSide(original);
		expect(dimsOf(opened[0])).toEqual(["-1", "-1", "-1", "3"]);
		expect(opened[0]?.attr?.dtype).toEqual({ type: "DT_FLOAT" });
		expect(opened[1]).toBe(conv);
		// The input graph is left as it was.
		expect(dimsOf(original[0])).toEqual(["-1", "224", "224", "3"]);
	});

	it("passes through placeholders that are not 4-D images", () => {
		const scalar: GraphNode = { name: "k", op: "Placeholder", attr: { shape: { shape: {} } } };
		const vector = placeholder(["-1", "8"]);
		expect(openInputSide([scalar, vector])).toEqual([scalar, vector]);
	});
});

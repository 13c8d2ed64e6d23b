/** One recognised character with its probability and where it sits along the line (0..1). */
export interface CharRead {
	char: string;
	/** 0..1: the softmax probability of the kept class. */
	probability: number;
	/** Centre of the character's time step along the line, 0 = left edge, 1 = right edge. */
	position: number;
}

export interface LineRead {
	text: string;
	/** 0..1: mean of the kept characters' probabilities (0 when nothing was read). */
	confidence: number;
	chars: CharRead[];
}

/**
 * The recogniser's classes: 0 is the CTC blank, then one class per dictionary line, then a space
 * (PaddleOCR appends it when `use_space_char` is on, which ppocr_keys_v1 models were trained with).
 */
export function ctcClasses(dictionary: string): string[] {
	const lines = dictionary.split(/\r?\n/);
	if (lines.at(-1) === "") lines.pop();
	return ["", ...lines, " "];
}

/**
 * Greedy CTC decoding of one line: the best class per time step, repeats merged, blanks dropped.
 * `probabilities` is [steps × classes] row-major, starting at `offset` (batched outputs).
 */
export function decodeCtcLine(
	probabilities: Float32Array,
	offset: number,
	steps: number,
	classes: readonly string[],
): LineRead {
	const classCount = classes.length;
	const chars: CharRead[] = [];
	let previous = -1;
	for (let step = 0; step < steps; step++) {
		const base = offset + step * classCount;
		let best = 0;
		let bestProbability = probabilities[base] ?? 0;
		for (let c = 1; c < classCount; c++) {
			const p = probabilities[base + c] ?? 0;
			if (p > bestProbability) {
				bestProbability = p;
				best = c;
			}
		}
		if (best !== 0 && best !== previous) {
			chars.push({ char: classes[best] ?? "", probability: bestProbability, position: (step + 0.5) / steps });
		}
		previous = best;
	}
	const text = chars.map((c) => c.char).join("");
	const confidence = chars.length === 0 ? 0 : chars.reduce((sum, c) => sum + c.probability, 0) / chars.length;
	return { text, confidence, chars };
}

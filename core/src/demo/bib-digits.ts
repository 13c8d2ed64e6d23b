/**
 * Digits 0–9 as SVG stroke paths on a 10 × 16 grid, for the numbers printed on generated bibs
 * (demo photos, AI test fixtures). Paths, not <text>: librsvg renders text with whatever fonts
 * the machine has, and a fresh server may have none, which would leave every demo bib blank and
 * unreadable by the OCR. Bold sans-like strokes, as race bibs are printed.
 */
const digitPaths: Record<string, string> = {
	"0": "M5 1 C0.6 1 0.6 15 5 15 C9.4 15 9.4 1 5 1 Z",
	"1": "M2.5 4 L6 1 L6 15",
	"2": "M1.5 4 C2 0 8.8 0 8.6 4.4 C8.4 7.4 2.2 10.8 1.4 15 L9 15",
	"3": "M1.6 2.4 C4.5 0 8.6 1 8.2 4.4 C7.9 6.8 5.6 7.6 4 7.6 C6.6 7.6 9.2 8.8 8.8 12 C8.3 15.8 3.2 16 1.2 13.4",
	"4": "M7 15 L7 1 L1 10.6 L9.4 10.6",
	"5": "M8.6 1 L2.2 1 L1.6 7.2 C3.6 5.6 8.8 5.6 8.8 10.4 C8.8 15.6 3 16 1.2 13.4",
	"6": "M8.2 2 C4.4 -0.2 1.2 3.6 1.2 9.6 C1.2 16 8.8 16 8.8 10.6 C8.8 5.6 2.4 5.4 1.3 9.6",
	"7": "M1 1 L9 1 L4 15",
	"8": "M5 7.6 C1.4 7.2 1.4 1 5 1 C8.6 1 8.6 7.2 5 7.6 C0.8 8 0.8 15 5 15 C9.2 15 9.2 8 5 7.6 Z",
	"9": "M8.7 6.4 C7.6 10.4 1.3 10.2 1.3 5.6 C1.3 0 8.8 0 8.8 6 C8.8 12.4 5.6 16 1.8 14",
};

/**
 * An SVG group drawing `digits` centred on (cx, cy), `height` px tall (less if that would be
 * wider than `maxWidth`), in `colour`. Characters other than 0–9 are skipped (bibs are numbers).
 */
export function bibDigitsSvg(
	digits: string,
	options: { cx: number; cy: number; height: number; maxWidth?: number; colour?: string },
): string {
	const chars = [...digits].filter((c) => digitPaths[c]);
	const advance = 12.5;
	const width = (chars.length - 1) * advance + 10;
	// Long numbers get smaller digits rather than running off the bib.
	const height = Math.min(
		options.height,
		options.maxWidth ? (options.maxWidth * 16) / width : options.height,
	);
	const scale = height / 16;
	const x0 = options.cx - (width * scale) / 2;
	const y0 = options.cy - height / 2;
	const strokes = chars
		.map((c, i) => `<path d="${digitPaths[c]}" transform="translate(${i * advance} 0)"/>`)
		.join("");
	return `<g transform="translate(${x0.toFixed(2)} ${y0.toFixed(2)}) scale(${scale.toFixed(4)})" fill="none" stroke="${options.colour ?? "#111"}" stroke-width="2.3" stroke-linecap="round" stroke-linejoin="round">${strokes}</g>`;
}

/**
 * An event's branding colour as the page's accent (buttons, highlights), with a text colour
 * that stays readable on it. Organizers pick any colour: a pale yellow gets dark text, and a
 * malformed value falls back to the product's orange.
 */
export interface Accent {
	background: string;
	foreground: string;
}

const brand: Accent = { background: "#d63d0a", foreground: "#ffffff" };
const darkText = "#0b1220";

function parseHex(color: string): [number, number, number] | undefined {
	const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
	if (!match?.[1]) return undefined;
	const hex =
		match[1].length === 3
			? match[1]
					.split("")
					.map((c) => c + c)
					.join("")
			: match[1];
	return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
	const channel = (value: number) => {
		const c = value / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: number, b: number): number {
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function eventAccent(color: string | null | undefined): Accent {
	const rgb = color ? parseHex(color) : undefined;
	if (!rgb) return brand;
	const background = `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
	const l = luminance(rgb);
	// White text from 3:1 (bold button labels are "large text" for WCAG); otherwise ink.
	const foreground = contrast(l, 1) >= 3 ? "#ffffff" : darkText;
	return { background, foreground };
}

/** The CSS variables the event pages read (`bg-(--accent)`, `text-(--accent-fg)`). */
export function accentStyle(accent: Accent): Record<string, string> {
	return { "--accent": accent.background, "--accent-fg": accent.foreground };
}

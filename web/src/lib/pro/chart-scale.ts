/**
 * The top of a chart's axis: the smallest "nice" number (1, 2 or 5 times a power of ten) at or
 * above the largest value, so gridlines fall on round figures. At least 1: an empty month still
 * draws an axis.
 */
export function niceMax(value: number): number {
	if (!(value > 1)) return 1;
	const power = 10 ** Math.floor(Math.log10(value));
	const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
	return step * power;
}

/** Evenly spaced gridline values from 0 to `max` (`count` intervals), whole numbers only. */
export function ticks(max: number, count = 4): number[] {
	const step = max / count;
	const values = Array.from({ length: count + 1 }, (_, i) => Math.round(i * step));
	return [...new Set(values)];
}

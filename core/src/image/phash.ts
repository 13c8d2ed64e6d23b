import { imageSpec } from "./image-spec.ts";

const hashSide = 8; // 8×8 low frequencies = 64 bits

const cosTables = new Map<number, Float64Array>();

/** cos(π·k·(2n+1) / 2N) for the first 8 frequencies k of an N-point DCT-II, row k × column n. */
function cosTable(n: number): Float64Array {
	let table = cosTables.get(n);
	if (!table) {
		table = new Float64Array(hashSide * n);
		for (let k = 0; k < hashSide; k++) {
			for (let i = 0; i < n; i++) table[k * n + i] = Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n));
		}
		cosTables.set(n, table);
	}
	return table;
}

/**
 * 64-bit perceptual hash (the classic pHash, as Python's imagehash computes it): 2-D DCT-II of
 * a size×size grey image, the top-left 8×8 block (lowest frequencies, DC included), each bit
 * = coefficient above the block's median. Returned as 16 lower-case hex digits, first row first,
 * most significant bit first. Re-encoding, resizing or mild retouching moves a few bits at most.
 */
export function perceptualHash(grey: ArrayLike<number>, size: number = imageSpec.phash.size): string {
	if (grey.length !== size * size)
		throw new Error(`perceptualHash expects ${size}×${size} grey pixels, got ${grey.length}`);
	const cos = cosTable(size);
	// Separable DCT, only the 8 frequencies we keep: rows first (size × 8), then columns (8 × 8).
	const rows = new Float64Array(size * hashSide);
	for (let y = 0; y < size; y++) {
		for (let k = 0; k < hashSide; k++) {
			let sum = 0;
			for (let x = 0; x < size; x++) sum += (grey[y * size + x] ?? 0) * (cos[k * size + x] ?? 0);
			rows[y * hashSide + k] = sum;
		}
	}
	const block = new Float64Array(hashSide * hashSide);
	for (let v = 0; v < hashSide; v++) {
		for (let u = 0; u < hashSide; u++) {
			let sum = 0;
			for (let y = 0; y < size; y++) sum += (rows[y * hashSide + u] ?? 0) * (cos[v * size + y] ?? 0);
			block[v * hashSide + u] = sum;
		}
	}
	const sorted = Float64Array.from(block).sort();
	const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
	let hex = "";
	for (let nibble = 0; nibble < 16; nibble++) {
		let value = 0;
		for (let bit = 0; bit < 4; bit++)
			value = (value << 1) | ((block[nibble * 4 + bit] ?? 0) > median ? 1 : 0);
		hex += value.toString(16);
	}
	return hex;
}

/**
 * Box-averages a square grey image down by an integer factor (256 → 32: 8×8 blocks). Used to
 * get the hash input from the blur input without another resize (and its channel trap).
 */
export function downsampleGrey(grey: ArrayLike<number>, size: number, target: number): Uint8Array {
	const factor = size / target;
	if (!Number.isInteger(factor) || grey.length !== size * size) {
		throw new Error(`downsampleGrey: ${size}×${size} cannot be box-averaged to ${target}×${target}`);
	}
	const out = new Uint8Array(target * target);
	const area = factor * factor;
	for (let ty = 0; ty < target; ty++) {
		for (let tx = 0; tx < target; tx++) {
			let sum = 0;
			for (let y = ty * factor; y < (ty + 1) * factor; y++) {
				for (let x = tx * factor; x < (tx + 1) * factor; x++) sum += grey[y * size + x] ?? 0;
			}
			out[ty * target + tx] = Math.round(sum / area);
		}
	}
	return out;
}

const nibbleBits = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two hashes of the same length (hex strings, any case). */
export function hammingDistance(a: string, b: string): number {
	if (a.length !== b.length || !/^[0-9a-f]*$/i.test(a) || !/^[0-9a-f]*$/i.test(b)) {
		throw new Error(`hammingDistance needs two hex strings of equal length, got "${a}" and "${b}"`);
	}
	let distance = 0;
	for (let i = 0; i < a.length; i++) {
		distance += nibbleBits[Number.parseInt(a.charAt(i), 16) ^ Number.parseInt(b.charAt(i), 16)] ?? 0;
	}
	return distance;
}

/** PRODUCT §3: the same picture when at most 5 of the 64 bits differ. */
export function isDuplicateHash(
	a: string,
	b: string,
	maxDistance: number = imageSpec.phash.maxDuplicateDistance,
): boolean {
	return hammingDistance(a, b) <= maxDistance;
}

/**
 * Bilinear resampling of interleaved pixels to float model inputs, with TF's own sampling
 * conventions: blazeface was run, and faceres' vectors measured, on tfjs' `resizeBilinear`
 * (align corners off, no half-pixel centres) and `cropAndResize` (0 outside the image), so the
 * same samples keep the same boxes and vectors. A few hundred thousand samples per photo: plain
 * loops, no tensor library.
 */

export interface Pixels {
	data: ArrayLike<number>;
	width: number;
	height: number;
	channels: number;
}

/** tf.image.resizeBilinear(image, [height, width], false, false). */
export function resizeBilinear(image: Pixels, width: number, height: number): Float32Array {
	const { data, channels } = image;
	const out = new Float32Array(width * height * channels);
	const scaleY = image.height / height;
	const scaleX = image.width / width;
	const x0s = new Int32Array(width);
	const x1s = new Int32Array(width);
	const xLerps = new Float64Array(width);
	for (let x = 0; x < width; x++) {
		const inX = x * scaleX;
		const x0 = Math.floor(inX);
		x0s[x] = x0 * channels;
		x1s[x] = Math.min(x0 + 1, image.width - 1) * channels;
		xLerps[x] = inX - x0;
	}
	let o = 0;
	for (let y = 0; y < height; y++) {
		const inY = y * scaleY;
		const y0 = Math.floor(inY);
		const top = y0 * image.width * channels;
		const bottom = Math.min(y0 + 1, image.height - 1) * image.width * channels;
		const yLerp = inY - y0;
		for (let x = 0; x < width; x++) {
			const left = x0s[x] ?? 0;
			const right = x1s[x] ?? 0;
			const xLerp = xLerps[x] ?? 0;
			for (let c = 0; c < channels; c++) {
				const tl = data[top + left + c] ?? 0;
				const tr = data[top + right + c] ?? 0;
				const bl = data[bottom + left + c] ?? 0;
				const br = data[bottom + right + c] ?? 0;
				const t = tl + (tr - tl) * xLerp;
				const b = bl + (br - bl) * xLerp;
				out[o++] = t + (b - t) * yLerp;
			}
		}
	}
	return out;
}

/** A box in pixels, corners as TF's crop boxes take them (y2, x2 inclusive, sampled). */
export interface CropBox {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/**
 * tf.image.cropAndResize(image, [[y1/h, x1/w, y2/h, x2/w]], [0], [size, size]) for a box given in
 * pixels: samples spaced so the first and last land on the box's corners (as TF: the box is
 * mapped onto [0, side − 1]), 0 where a sample falls outside the image.
 */
export function cropAndResize(image: Pixels, box: CropBox, width: number, height: number): Float32Array {
	const { data, channels } = image;
	const out = new Float32Array(width * height * channels);
	const ny1 = box.y1 / image.height;
	const ny2 = box.y2 / image.height;
	const nx1 = box.x1 / image.width;
	const nx2 = box.x2 / image.width;
	const lastY = image.height - 1;
	const lastX = image.width - 1;
	const stepY = height > 1 ? ((ny2 - ny1) * lastY) / (height - 1) : 0;
	const stepX = width > 1 ? ((nx2 - nx1) * lastX) / (width - 1) : 0;
	for (let y = 0; y < height; y++) {
		const inY = height > 1 ? ny1 * lastY + y * stepY : 0.5 * (ny1 + ny2) * lastY;
		if (inY < 0 || inY > lastY) continue;
		const y0 = Math.floor(inY);
		const top = y0 * image.width * channels;
		const bottom = Math.ceil(inY) * image.width * channels;
		const yLerp = inY - y0;
		for (let x = 0; x < width; x++) {
			const inX = width > 1 ? nx1 * lastX + x * stepX : 0.5 * (nx1 + nx2) * lastX;
			if (inX < 0 || inX > lastX) continue;
			const x0 = Math.floor(inX);
			const left = x0 * channels;
			const right = Math.ceil(inX) * channels;
			const xLerp = inX - x0;
			const o = (y * width + x) * channels;
			for (let c = 0; c < channels; c++) {
				const tl = data[top + left + c] ?? 0;
				const tr = data[top + right + c] ?? 0;
				const bl = data[bottom + left + c] ?? 0;
				const br = data[bottom + right + c] ?? 0;
				const t = tl + (tr - tl) * xLerp;
				const b = bl + (br - bl) * xLerp;
				out[o + c] = t + (b - t) * yLerp;
			}
		}
	}
	return out;
}

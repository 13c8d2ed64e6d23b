/**
 * Bilinear resampling of interleaved pixels to float model inputs, with TF's own sampling
 * conventions: blazeface was run, and faceres' vectors measured, on tfjs' `resizeBilinear`
 * (align corners off, no half-pixel centres) and `cropAndResize` (0 outside the image), so the
 * same samples keep the same boxes and vectors. A few hundred thousand samples per photo: plain
 * loops, no tensor library.
 */

/** Interleaved RGB (a decoded photo, or a float crop of one), top row first. */
export interface Pixels {
	data: Uint8Array | Float32Array;
	width: number;
	height: number;
}

/**
 * Where each output column samples: its left and right source offsets (in values, so × 3) and
 * the weight of the right one; -1 marks a column outside the image (cropAndResize's 0).
 */
interface Columns {
	left: Int32Array;
	right: Int32Array;
	lerp: Float64Array;
}

/** Fills one output row from two source rows; the loop every resample spends its time in. */
function blendRow(
	data: Uint8Array | Float32Array,
	top: number,
	bottom: number,
	yLerp: number,
	columns: Columns,
	out: Float32Array,
	start: number,
): void {
	const { left, right, lerp } = columns;
	for (let x = 0, o = start; x < left.length; x++, o += 3) {
		const l = left[x] as number;
		if (l < 0) continue;
		const r = right[x] as number;
		const xLerp = lerp[x] as number;
		for (let c = 0; c < 3; c++) {
			const tl = data[top + l + c] as number;
			const tr = data[top + r + c] as number;
			const bl = data[bottom + l + c] as number;
			const br = data[bottom + r + c] as number;
			const t = tl + (tr - tl) * xLerp;
			const b = bl + (br - bl) * xLerp;
			out[o + c] = t + (b - t) * yLerp;
		}
	}
}

/** tf.image.resizeBilinear(image, [height, width], false, false). */
export function resizeBilinear(image: Pixels, width: number, height: number): Float32Array {
	const out = new Float32Array(width * height * 3);
	const scaleY = image.height / height;
	const scaleX = image.width / width;
	const columns: Columns = {
		left: new Int32Array(width),
		right: new Int32Array(width),
		lerp: new Float64Array(width),
	};
	for (let x = 0; x < width; x++) {
		const inX = x * scaleX;
		const x0 = Math.floor(inX);
		columns.left[x] = x0 * 3;
		columns.right[x] = Math.min(x0 + 1, image.width - 1) * 3;
		columns.lerp[x] = inX - x0;
	}
	const stride = image.width * 3;
	for (let y = 0; y < height; y++) {
		const inY = y * scaleY;
		const y0 = Math.floor(inY);
		const bottom = Math.min(y0 + 1, image.height - 1);
		blendRow(image.data, y0 * stride, bottom * stride, inY - y0, columns, out, y * width * 3);
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
	const out = new Float32Array(width * height * 3);
	const ny1 = box.y1 / image.height;
	const ny2 = box.y2 / image.height;
	const nx1 = box.x1 / image.width;
	const nx2 = box.x2 / image.width;
	const lastY = image.height - 1;
	const lastX = image.width - 1;
	const stepY = height > 1 ? ((ny2 - ny1) * lastY) / (height - 1) : 0;
	const stepX = width > 1 ? ((nx2 - nx1) * lastX) / (width - 1) : 0;
	const columns: Columns = {
		left: new Int32Array(width),
		right: new Int32Array(width),
		lerp: new Float64Array(width),
	};
	for (let x = 0; x < width; x++) {
		const inX = width > 1 ? nx1 * lastX + x * stepX : 0.5 * (nx1 + nx2) * lastX;
		const outside = inX < 0 || inX > lastX;
		const x0 = Math.floor(inX);
		columns.left[x] = outside ? -1 : x0 * 3;
		columns.right[x] = outside ? -1 : Math.ceil(inX) * 3;
		columns.lerp[x] = inX - x0;
	}
	const stride = image.width * 3;
	for (let y = 0; y < height; y++) {
		const inY = height > 1 ? ny1 * lastY + y * stepY : 0.5 * (ny1 + ny2) * lastY;
		if (inY < 0 || inY > lastY) continue;
		const y0 = Math.floor(inY);
		blendRow(image.data, y0 * stride, Math.ceil(inY) * stride, inY - y0, columns, out, y * width * 3);
	}
	return out;
}

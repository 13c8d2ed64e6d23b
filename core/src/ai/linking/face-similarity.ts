/** An identity vector as stored (float4[] comes back as number[]) or packed for fast scans. */
export type Embedding = ArrayLike<number>;

/**
 * Cosine similarity. The local engine stores unit-length vectors, so this is a dot product
 * there; the norms are still divided out so a vector from elsewhere compares correctly.
 */
export function cosineSimilarity(a: Embedding, b: Embedding): number {
	if (a.length !== b.length) throw new Error(`cosineSimilarity: lengths differ (${a.length} vs ${b.length})`);
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i] ?? 0;
		const y = b[i] ?? 0;
		dot += x * y;
		na += x * x;
		nb += y * y;
	}
	return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Scales a vector to unit length (a zero vector stays zero). */
export function normalise(vector: Embedding): Float32Array {
	let norm = 0;
	for (let i = 0; i < vector.length; i++) norm += (vector[i] ?? 0) ** 2;
	const out = new Float32Array(vector.length);
	if (norm === 0) return out;
	const inv = 1 / Math.sqrt(norm);
	for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) * inv;
	return out;
}

/**
 * Many unit vectors of one length in one Float32Array, row after row: one event's faces scanned
 * in a tight loop (10 000 × 1024 dot products in a few milliseconds) instead of 10 000 arrays.
 */
export interface EmbeddingMatrix {
	readonly rows: number;
	readonly dims: number;
	readonly data: Float32Array;
}

export function packEmbeddings(vectors: readonly Embedding[], dims: number): EmbeddingMatrix {
	const data = new Float32Array(vectors.length * dims);
	vectors.forEach((vector, row) => {
		if (vector.length !== dims)
			throw new Error(`packEmbeddings: row ${row} has ${vector.length} dims, not ${dims}`);
		data.set(normalise(vector), row * dims);
	});
	return { rows: vectors.length, dims, data };
}

/** Cosine of a unit query against every row (the rows are unit vectors, see packEmbeddings). */
export function similaritiesTo(matrix: EmbeddingMatrix, query: Embedding): Float32Array {
	if (query.length !== matrix.dims)
		throw new Error(`similaritiesTo: query has ${query.length} dims, not ${matrix.dims}`);
	const q = normalise(query);
	const out = new Float32Array(matrix.rows);
	const { data, dims } = matrix;
	for (let row = 0; row < matrix.rows; row++) {
		let dot = 0;
		const base = row * dims;
		for (let i = 0; i < dims; i++) dot += (data[base + i] ?? 0) * (q[i] ?? 0);
		out[row] = dot;
	}
	return out;
}

/**
 * The protobuf wire format, as far as an ONNX file needs it: a message is a list of fields, each
 * a number, a wire type and a value; nested messages and strings are length-delimited bytes.
 * Reading keeps every field (known or not) and writing puts them back in the same order, so a
 * message read and written unchanged comes out byte for byte the same: a rewrite touches only
 * the fields it changes. No schema and no dependency for the few fields of onnx.proto we use.
 */

export type WireField =
	| { no: number; wire: 0; value: bigint }
	| { no: number; wire: 1 | 2 | 5; value: Uint8Array };

export function readFields(bytes: Uint8Array): WireField[] {
	const fields: WireField[] = [];
	let at = 0;
	const varint = (): bigint => {
		let result = 0n;
		let shift = 0n;
		for (;;) {
			if (at >= bytes.length) throw new Error("protobuf: truncated varint");
			const byte = bytes[at++] ?? 0;
			result |= BigInt(byte & 0x7f) << shift;
			if (byte < 0x80) return result;
			shift += 7n;
		}
	};
	const take = (length: number): Uint8Array => {
		if (at + length > bytes.length) throw new Error("protobuf: field runs past the end");
		const value = bytes.subarray(at, at + length);
		at += length;
		return value;
	};
	while (at < bytes.length) {
		const key = Number(varint());
		const no = key >>> 3;
		const wire = key & 7;
		if (wire === 0) fields.push({ no, wire, value: varint() });
		else if (wire === 2) fields.push({ no, wire, value: take(Number(varint())) });
		else if (wire === 5) fields.push({ no, wire, value: take(4) });
		else if (wire === 1) fields.push({ no, wire, value: take(8) });
		else throw new Error(`protobuf: wire type ${wire} is not supported`);
	}
	return fields;
}

export function writeFields(fields: readonly WireField[]): Uint8Array {
	const chunks: Uint8Array[] = [];
	let pending: number[] = [];
	const varint = (value: bigint) => {
		let v = value;
		while (v >= 0x80n) {
			pending.push(Number(v & 0x7fn) | 0x80);
			v >>= 7n;
		}
		pending.push(Number(v));
	};
	const flush = () => {
		if (pending.length > 0) chunks.push(Uint8Array.from(pending));
		pending = [];
	};
	for (const field of fields) {
		varint(BigInt((field.no << 3) | field.wire));
		if (field.wire === 0) {
			varint(field.value);
			continue;
		}
		if (field.wire === 2) varint(BigInt(field.value.length));
		flush();
		chunks.push(field.value);
	}
	flush();
	const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function stringField(no: number, text: string): WireField {
	return { no, wire: 2, value: encoder.encode(text) };
}

export function floatField(no: number, value: number): WireField {
	const bytes = new Uint8Array(4);
	new DataView(bytes.buffer).setFloat32(0, value, true);
	return { no, wire: 5, value: bytes };
}

export function bytesField(no: number, value: Uint8Array): WireField {
	return { no, wire: 2, value };
}

export function messageField(no: number, fields: readonly WireField[]): WireField {
	return { no, wire: 2, value: writeFields(fields) };
}

export function varintField(no: number, value: number): WireField {
	return { no, wire: 0, value: BigInt(value) };
}

/** The bytes of a length-delimited field (string or nested message), or null. */
export function bytesOf(field: WireField | undefined): Uint8Array | null {
	return field && field.wire === 2 ? field.value : null;
}

export function stringOf(field: WireField | undefined): string | null {
	const bytes = bytesOf(field);
	return bytes ? decoder.decode(bytes) : null;
}

export function floatOf(field: WireField | undefined): number | null {
	if (field?.wire !== 5) return null;
	return new DataView(field.value.buffer, field.value.byteOffset, 4).getFloat32(0, true);
}

/** A repeated integer field's values, written one field each or packed into one. */
export function integersOf(fields: readonly WireField[], no: number): number[] {
	const values: number[] = [];
	for (const field of fields) {
		if (field.no !== no) continue;
		if (field.wire === 0) values.push(Number(BigInt.asIntN(64, field.value)));
		else if (field.wire === 2)
			for (const packed of readPackedVarints(field.value)) values.push(Number(BigInt.asIntN(64, packed)));
	}
	return values;
}

function readPackedVarints(bytes: Uint8Array): bigint[] {
	// A packed run is the varint values back to back, with no keys between them.
	const values: bigint[] = [];
	let value = 0n;
	let shift = 0n;
	for (const byte of bytes) {
		value |= BigInt(byte & 0x7f) << shift;
		shift += 7n;
		if (byte < 0x80) {
			values.push(value);
			value = 0n;
			shift = 0n;
		}
	}
	return values;
}

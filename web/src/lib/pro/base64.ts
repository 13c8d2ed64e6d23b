/**
 * A file's bytes as base64, the way the start-list procedures take a CSV inside their JSON body.
 * In slices: String.fromCharCode with a few MB of arguments overflows the call stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
	let binary = "";
	const slice = 0x8000;
	for (let at = 0; at < bytes.length; at += slice) {
		binary += String.fromCharCode(...bytes.subarray(at, at + slice));
	}
	return btoa(binary);
}

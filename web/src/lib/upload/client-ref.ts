/**
 * A stable id per file of an import, sent with every (re)try of its chunk: the server answers a
 * retried file with the photo it already made, and charges it once. `crypto.randomUUID` only
 * exists on secure origins; a self-hosted instance may be served over plain http on a LAN.
 */
export function newClientRef(): string {
	if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext) return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

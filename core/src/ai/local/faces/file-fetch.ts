import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * Node's fetch refuses file: URLs ("not implemented... yet"), and human (and tfjs under it)
 * loads every model with fetch. Our models ship inside node_modules, so file: URLs are served
 * from disk here and anything else goes to the real fetch untouched: the engine itself never
 * asks for anything but file: (see `fetchLog`, which the tests read to prove it).
 */

type Fetch = typeof globalThis.fetch;

let installed = false;

/** The last URLs the patched fetch was asked for, in order (for the no-network test). */
export const fetchLog: string[] = [];
/** The shim stays for the process's life: a bounded log, not a leak in a long-running api. */
const fetchLogSize = 200;

function requestUrl(input: Parameters<Fetch>[0]): string {
	if (typeof input === "string") return input;
	if (input instanceof URL) return input.href;
	return input.url;
}

/** A fetch that answers file: URLs from disk and passes the rest to `original`. */
export function createFileFetch(original: Fetch): Fetch {
	return async (input, init) => {
		const url = requestUrl(input);
		fetchLog.push(url);
		if (fetchLog.length > fetchLogSize) fetchLog.splice(0, fetchLog.length - fetchLogSize);
		if (!url.startsWith("file:")) return original(input, init);
		try {
			const bytes = await readFile(fileURLToPath(url));
			return new Response(bytes, { status: 200, headers: { "content-length": String(bytes.length) } });
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code;
			return new Response(`${code ?? "error"}: ${url}`, { status: code === "ENOENT" ? 404 : 500 });
		}
	};
}

/** Installs the file: fetch on globalThis once per process (idempotent). */
export function installFileFetch(): void {
	if (installed) return;
	globalThis.fetch = createFileFetch(globalThis.fetch.bind(globalThis));
	installed = true;
}

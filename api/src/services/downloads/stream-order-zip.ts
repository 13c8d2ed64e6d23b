import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import type { Logger, Storage } from "@focus-racer/core";
import { ZipArchive } from "archiver";
import { distinctFilenames, type OrderFile } from "./order-downloads.ts";

/**
 * The ZIP of an order's HD originals as a stream: each original is read from storage only when
 * the previous one is written, so memory stays flat and a 500-photo order opens one file at a
 * time. JPEGs do not compress: entries are stored, which also costs no CPU.
 */
export function streamOrderZip(
	deps: { storage: Storage; log: Logger },
	files: readonly OrderFile[],
): Readable {
	const zip = new ZipArchive({ store: true });
	// archiver's streams come from the readable-stream package: hand out a node:stream one.
	const out = new PassThrough();
	zip.pipe(out);
	const names = distinctFilenames(files);
	void (async () => {
		try {
			for (const [i, file] of files.entries()) {
				if (out.destroyed) {
					zip.abort(); // The buyer closed the connection: stop reading originals.
					return;
				}
				const entry = once(zip, "entry");
				zip.append(await deps.storage.get(file.originalKey), { name: names[i] ?? file.filename });
				await entry;
			}
			await zip.finalize();
		} catch (error) {
			deps.log.error({ err: error }, "order ZIP aborted");
			out.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	})();
	return out;
}

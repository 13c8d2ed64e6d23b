import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import type { Logger, Storage } from "@focus-racer/core";
import { ZipArchive } from "archiver";
import { distinctFilenames, type OrderFile } from "./order-downloads.ts";

export interface ZipCrop {
	key: string;
	filename: string;
}

/**
 * The ZIP of an order's HD originals (and their smart crops, under portraits/) as a stream:
 * each file is read from storage only when the previous one is written, so memory stays flat
 * and a 500-photo order opens one file at a time. JPEGs and WebPs do not compress: entries are
 * stored, which also costs no CPU.
 */
export function streamOrderZip(
	deps: { storage: Storage; log: Logger },
	files: readonly OrderFile[],
	crops: readonly ZipCrop[] = [],
): Readable {
	const zip = new ZipArchive({ store: true });
	// archiver's streams come from the readable-stream package: hand out a node:stream one.
	const out = new PassThrough();
	zip.pipe(out);
	const names = distinctFilenames(files);
	const entries = [
		...files.map((file, i) => ({ key: file.originalKey, name: names[i] ?? file.filename })),
		...crops.map((crop) => ({ key: crop.key, name: `portraits/${crop.filename}` })),
	];
	void (async () => {
		try {
			for (const entry of entries) {
				if (out.destroyed) {
					zip.abort(); // The buyer closed the connection: stop reading originals.
					return;
				}
				const written = once(zip, "entry");
				zip.append(await deps.storage.get(entry.key), { name: entry.name });
				await written;
			}
			await zip.finalize();
		} catch (error) {
			deps.log.error({ err: error }, "order ZIP aborted");
			out.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	})();
	return out;
}

import { AppError, type Storage } from "@focus-racer/core";
import { type Db, events, faces, orderItems, orders, photos } from "@focus-racer/db";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { findDownloadToken } from "./download-tokens.ts";

/** PRODUCT §4: each HD original behind a link valid 24 hours. */
export const downloadUrlSeconds = 24 * 3600;

/** The HD originals an order bought (only once it is paid), in receipt order. */
export async function orderFiles(db: Db, orderId: string) {
	return db
		.select({
			photoId: photos.id,
			filename: photos.originalFilename,
			originalKey: photos.originalKey,
			microKey: photos.microKey,
		})
		.from(orderItems)
		.innerJoin(photos, eq(photos.id, orderItems.photoId))
		.innerJoin(orders, eq(orders.id, orderItems.orderId))
		.where(and(eq(orderItems.orderId, orderId), eq(orders.status, "paid"), isNotNull(orderItems.photoId)))
		.orderBy(asc(photos.createdAt), asc(photos.id));
}

export type OrderFile = Awaited<ReturnType<typeof orderFiles>>[number];

/**
 * The smart crops (one portrait per face, PRODUCT §3) of the photos bought: part of the
 * purchase, unwatermarked, so private like the originals. Named after their photo.
 */
export async function orderCrops(db: Db, files: readonly OrderFile[], filenames: readonly string[]) {
	if (files.length === 0) return [];
	const rows = await db
		.select({ photoId: faces.photoId, cropKey: faces.cropKey })
		.from(faces)
		.where(
			and(
				inArray(
					faces.photoId,
					files.map((f) => f.photoId),
				),
				isNotNull(faces.cropKey),
			),
		)
		.orderBy(asc(faces.photoId), asc(faces.cropKey));
	const nameOf = new Map(files.map((f, i) => [f.photoId, filenames[i] ?? f.filename]));
	const seen = new Map<string, number>();
	return rows.flatMap((row) => {
		if (!row.cropKey) return [];
		const n = (seen.get(row.photoId) ?? 0) + 1;
		seen.set(row.photoId, n);
		const base = (nameOf.get(row.photoId) ?? row.photoId).replace(/\.[^.]*$/, "");
		return [{ photoId: row.photoId, key: row.cropKey, filename: `${base}-portrait-${n}.webp` }];
	});
}

/** Two photos may share a file name (two cameras): the ZIP and the browser need distinct ones. */
export function distinctFilenames(files: readonly { filename: string }[]): string[] {
	const seen = new Map<string, number>();
	return files.map(({ filename }) => {
		// Path separators and characters Windows refuses, plus control characters (below a space).
		const safe =
			[...filename].map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch)).join("") || "photo.jpg";
		const count = seen.get(safe.toLowerCase()) ?? 0;
		seen.set(safe.toLowerCase(), count + 1);
		if (count === 0) return safe;
		const dot = safe.lastIndexOf(".");
		return dot > 0 ? `${safe.slice(0, dot)}-${count + 1}${safe.slice(dot)}` : `${safe}-${count + 1}`;
	});
}

/** An order's page: its status, and once paid each file's 24 h link and the ZIP of all. */
/** `zip`: the receipt link's ZIP route for a token, or the account's own-order ZIP route. */
export async function orderDownloads(
	deps: { db: Db; storage: Storage },
	orderId: string,
	zip: { token: string } | { account: true },
) {
	const { db, storage } = deps;
	const [order] = await db
		.select({
			id: orders.id,
			status: orders.status,
			subtotalCents: orders.subtotalCents,
			serviceFeeCents: orders.serviceFeeCents,
			totalCents: orders.totalCents,
			isTestPayment: orders.isTestPayment,
			createdAt: orders.createdAt,
			paidAt: orders.paidAt,
			eventName: events.name,
			eventSlug: events.slug,
		})
		.from(orders)
		.leftJoin(events, eq(events.id, orders.eventId))
		.where(eq(orders.id, orderId));
	if (!order) throw new AppError("NOT_FOUND", "Order not found.");
	const files = await orderFiles(db, orderId);
	const names = distinctFilenames(files);
	const crops = await orderCrops(db, files, names);
	const expiresAt = new Date(Date.now() + downloadUrlSeconds * 1000);
	const sign = (key: string, downloadName: string) =>
		storage.signedUrl(key, { expiresInSeconds: downloadUrlSeconds, downloadName });
	return {
		order,
		crops: await Promise.all(
			crops.map(async (crop) => ({
				photoId: crop.photoId,
				filename: crop.filename,
				downloadUrl: await sign(crop.key, crop.filename),
			})),
		),
		files: await Promise.all(
			files.map(async (file, i) => ({
				photoId: file.photoId,
				filename: names[i] ?? file.filename,
				microUrl: file.microKey ? storage.publicUrl(file.microKey) : null,
				downloadUrl: await sign(file.originalKey, names[i] ?? file.filename),
			})),
		),
		linksExpireAt: files.length ? expiresAt : null,
		zipUrl: files.length
			? "token" in zip
				? `/api/downloads/${zip.token}/zip`
				: `/api/orders/${orderId}/zip`
			: null,
	};
}

/** The downloads page of a receipt link (guests and accounts alike). */
export async function orderDownloadsByToken(deps: { db: Db; storage: Storage }, token: string) {
	const found = await findDownloadToken(deps.db, token);
	if (!found) throw new AppError("NOT_FOUND", "This download link is unknown or has expired.");
	return orderDownloads(deps, found.orderId, { token });
}

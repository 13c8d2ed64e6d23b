import { PassThrough } from "node:stream";
import { AppError, gdprExportKey, type Storage } from "@focus-racer/core";
import {
	auditLog,
	type Db,
	favorites,
	gdprRequests,
	orderItems,
	orders,
	photos,
	users,
} from "@focus-racer/db";
import { ZipArchive } from "archiver";
import { and, desc, eq, inArray } from "drizzle-orm";

/** An export link, like a purchase: valid 24 hours, made again from the account on demand. */
const exportUrlSeconds = 24 * 3600;

/** Everything the platform holds about an account, as the person would read it (GDPR art. 15). */
async function collectPersonalData(db: Db, userId: string) {
	const [profile] = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			phone: users.phone,
			company: users.company,
			role: users.role,
			locale: users.locale,
			createdAt: users.createdAt,
			lastLoginAt: users.lastLoginAt,
		})
		.from(users)
		.where(eq(users.id, userId));
	if (!profile) throw new AppError("NOT_FOUND", "Account not found.");
	const myOrders = await db
		.select({
			id: orders.id,
			status: orders.status,
			buyerEmail: orders.buyerEmail,
			buyerName: orders.buyerName,
			totalCents: orders.totalCents,
			serviceFeeCents: orders.serviceFeeCents,
			currency: orders.currency,
			createdAt: orders.createdAt,
			paidAt: orders.paidAt,
		})
		.from(orders)
		.where(eq(orders.buyerId, userId))
		.orderBy(desc(orders.createdAt));
	const items = myOrders.length
		? await db
				.select({
					orderId: orderItems.orderId,
					kind: orderItems.kind,
					label: orderItems.label,
					photoId: orderItems.photoId,
					unitPriceCents: orderItems.unitPriceCents,
				})
				.from(orderItems)
				.where(
					inArray(
						orderItems.orderId,
						myOrders.map((o) => o.id),
					),
				)
		: [];
	const saved = await db
		.select({ photoId: favorites.photoId, eventId: photos.eventId, savedAt: favorites.createdAt })
		.from(favorites)
		.innerJoin(photos, eq(photos.id, favorites.photoId))
		.where(eq(favorites.userId, userId));
	const requests = await db
		.select({ kind: gdprRequests.kind, status: gdprRequests.status, createdAt: gdprRequests.createdAt })
		.from(gdprRequests)
		.where(eq(gdprRequests.userId, userId));
	return {
		exportedAt: new Date().toISOString(),
		profile,
		orders: myOrders.map((o) => ({ ...o, items: items.filter((i) => i.orderId === o.id) })),
		favorites: saved,
		gdprRequests: requests,
	};
}

/**
 * An access request answered at once: the account's data as JSON in a ZIP kept in private
 * storage, recorded as a completed request (the admin's GDPR list shows it) and in the audit log.
 */
export async function exportMyData(
	deps: { db: Db; storage: Storage },
	user: { id: string; email: string; name: string },
) {
	const { db, storage } = deps;
	const data = await collectPersonalData(db, user.id);
	const [request] = await db
		.insert(gdprRequests)
		.values({ userId: user.id, email: user.email, name: user.name, kind: "access", status: "processing" })
		.returning({ id: gdprRequests.id });
	if (!request) throw new Error("gdpr request insert returned nothing");
	const zip = new ZipArchive({ zlib: { level: 6 } });
	zip.append(JSON.stringify(data, null, 2), { name: "focus-racer-data.json" });
	const key = gdprExportKey({ requestId: request.id, version: Date.now() });
	// archiver's streams come from the readable-stream package: storage wants a node:stream one.
	const body = zip.pipe(new PassThrough());
	void zip.finalize();
	await storage.put(key, body, { contentType: "application/zip" });
	await db.transaction(async (tx) => {
		await tx
			.update(gdprRequests)
			.set({ status: "completed", exportKey: key, processedAt: new Date() })
			.where(eq(gdprRequests.id, request.id));
		await tx.insert(auditLog).values({
			actorId: user.id,
			action: "gdpr.access.export",
			targetType: "user",
			targetId: user.id,
			details: { requestId: request.id },
		});
	});
	return {
		requestId: request.id,
		downloadUrl: await storage.signedUrl(key, {
			expiresInSeconds: exportUrlSeconds,
			downloadName: "focus-racer-data.zip",
		}),
	};
}

/**
 * A deletion request: recorded for the admin, who runs the cascade (photos and faces of the
 * person, not only the account: that needs a human to find them). One open request at a time.
 */
export async function requestDeletion(
	db: Db,
	user: { id: string; email: string; name: string },
	message?: string,
) {
	const [open] = await db
		.select({ id: gdprRequests.id })
		.from(gdprRequests)
		.where(
			and(
				eq(gdprRequests.userId, user.id),
				eq(gdprRequests.kind, "deletion"),
				inArray(gdprRequests.status, ["pending", "processing"]),
			),
		);
	if (open) return { requestId: open.id, alreadyRequested: true };
	const [row] = await db
		.insert(gdprRequests)
		.values({
			userId: user.id,
			email: user.email,
			name: user.name,
			kind: "deletion",
			message: message ?? null,
		})
		.returning({ id: gdprRequests.id });
	if (!row) throw new Error("gdpr request insert returned nothing");
	await db.insert(auditLog).values({
		actorId: user.id,
		action: "gdpr.deletion.request",
		targetType: "user",
		targetId: user.id,
		details: { requestId: row.id },
	});
	return { requestId: row.id, alreadyRequested: false };
}

/** The account's requests, with a fresh link to each export. */
export async function listMyGdprRequests(deps: { db: Db; storage: Storage }, userId: string) {
	const rows = await deps.db
		.select({
			id: gdprRequests.id,
			kind: gdprRequests.kind,
			status: gdprRequests.status,
			exportKey: gdprRequests.exportKey,
			createdAt: gdprRequests.createdAt,
			processedAt: gdprRequests.processedAt,
		})
		.from(gdprRequests)
		.where(eq(gdprRequests.userId, userId))
		.orderBy(desc(gdprRequests.createdAt));
	return Promise.all(
		rows.map(async ({ exportKey, ...row }) => ({
			...row,
			downloadUrl:
				exportKey && (await deps.storage.exists(exportKey))
					? await deps.storage.signedUrl(exportKey, {
							expiresInSeconds: exportUrlSeconds,
							downloadName: "focus-racer-data.zip",
						})
					: null,
		})),
	);
}

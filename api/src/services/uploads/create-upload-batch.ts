import { AppError, creditsPerPhoto, requireEventManager } from "@focus-racer/core";
import { type Db, type UploadOptions, uploadBatches, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

export interface CreateUploadBatchOptions {
	db: Db;
	user: { id: string; role: string };
	eventId: string;
	options: UploadOptions;
	expectedCount: number;
}

/**
 * Opens an import: checks the pro may upload to this event and that the balance covers every
 * file BEFORE anything is sent (PRODUCT.md §3: "the batch is refused before upload, clearly").
 */
export async function createUploadBatch(options: CreateUploadBatchOptions): Promise<{ batchId: string }> {
	const { db, user } = options;
	const event = await requireEventManager(db, { eventId: options.eventId, user });
	const [account] = await db
		.select({ balance: users.creditsBalance })
		.from(users)
		.where(eq(users.id, user.id));
	const needed = options.expectedCount * creditsPerPhoto;
	const balance = account?.balance ?? 0;
	if (balance < needed) {
		throw new AppError(
			"PAYMENT_REQUIRED",
			`This import needs ${needed} credits and your balance is ${balance}. Buy a credit pack, or import fewer photos.`,
		);
	}
	const [batch] = await db
		.insert(uploadBatches)
		.values({
			eventId: event.id,
			uploaderId: user.id,
			options: options.options,
			expectedCount: options.expectedCount,
		})
		.returning({ id: uploadBatches.id });
	if (!batch) throw new Error("upload batch insert returned nothing");
	return { batchId: batch.id };
}

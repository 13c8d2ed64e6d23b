import { creditTransactions, type Db, users } from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../errors.ts";

/** A drizzle transaction (or the db itself): credit movements join the caller's transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** 1 credit per accepted photo (PRODUCT.md §3). */
export const creditsPerPhoto = 1;

/**
 * Moves credits and records the movement in one statement pair, inside the caller's
 * transaction. The unique (kind, reference) makes a replay a no-op: returns false when this
 * movement already exists. `floor`: refuse (PAYMENT_REQUIRED) if the balance would go below it.
 */
export async function moveCredits(
	tx: DbOrTx,
	options: {
		userId: string;
		amount: number;
		kind: "photo_charge" | "refund" | "purchase" | "subscription";
		reference: string;
		note?: string;
		floor?: number;
	},
): Promise<boolean> {
	const existing = await tx
		.select({ id: creditTransactions.id })
		.from(creditTransactions)
		.where(
			and(eq(creditTransactions.kind, options.kind), eq(creditTransactions.reference, options.reference)),
		);
	if (existing.length > 0) return false;
	const condition =
		options.floor === undefined
			? eq(users.id, options.userId)
			: and(
					eq(users.id, options.userId),
					sql`${users.creditsBalance} + ${options.amount} >= ${options.floor}`,
				);
	const [user] = await tx
		.update(users)
		.set({ creditsBalance: sql`${users.creditsBalance} + ${options.amount}` })
		.where(condition)
		.returning({ balance: users.creditsBalance });
	if (!user) {
		throw new AppError("PAYMENT_REQUIRED", "Not enough credits: buy a credit pack to import more photos.");
	}
	await tx.insert(creditTransactions).values({
		userId: options.userId,
		amount: options.amount,
		kind: options.kind,
		reference: options.reference,
		balanceAfter: user.balance,
		note: options.note,
	});
	return true;
}

/** Debits the photo's credit once; throws PAYMENT_REQUIRED when the balance is empty. */
export function chargePhoto(tx: DbOrTx, options: { userId: string; photoId: string }): Promise<boolean> {
	return moveCredits(tx, {
		userId: options.userId,
		amount: -creditsPerPhoto,
		kind: "photo_charge",
		reference: options.photoId,
		floor: 0,
	});
}

/**
 * Gives the credit back for a photo that turned out not to decode ("a file that fails to decode
 * costs nothing"); only if it was charged, and only once.
 */
export async function refundPhotoCharge(
	tx: DbOrTx,
	options: { userId: string; photoId: string },
): Promise<boolean> {
	const [charge] = await tx
		.select({ id: creditTransactions.id })
		.from(creditTransactions)
		.where(
			and(eq(creditTransactions.kind, "photo_charge"), eq(creditTransactions.reference, options.photoId)),
		);
	if (!charge) return false;
	return moveCredits(tx, {
		userId: options.userId,
		amount: creditsPerPhoto,
		kind: "refund",
		reference: options.photoId,
		note: "unreadable photo",
	});
}

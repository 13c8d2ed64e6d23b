import { downloadTokenHash, generateDownloadToken } from "@focus-racer/core";
import { type Db, downloadTokens } from "@focus-racer/db";
import { and, eq, gt, sql } from "drizzle-orm";

/** A receipt link stays usable a month; each file behind it is then signed for 24 h. */
export const downloadTokenDays = 30;

type Queryable = Pick<Db, "insert">;

/** A new link to an order's downloads; only its hash is stored. */
export async function createDownloadToken(db: Queryable, orderId: string): Promise<string> {
	const token = generateDownloadToken();
	await db.insert(downloadTokens).values({
		orderId,
		tokenHash: downloadTokenHash(token),
		expiresAt: new Date(Date.now() + downloadTokenDays * 86_400_000),
	});
	return token;
}

/** The order a link opens, or null when the link is unknown or expired. */
export async function findDownloadToken(
	db: Db,
	token: string,
): Promise<{ id: string; orderId: string } | null> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	const [row] = await db
		.select({ id: downloadTokens.id, orderId: downloadTokens.orderId })
		.from(downloadTokens)
		.where(
			and(eq(downloadTokens.tokenHash, downloadTokenHash(token)), gt(downloadTokens.expiresAt, sql`now()`)),
		);
	return row ?? null;
}

export async function countDownload(db: Db, tokenId: string): Promise<void> {
	await db
		.update(downloadTokens)
		.set({ downloadCount: sql`${downloadTokens.downloadCount} + 1`, lastDownloadedAt: new Date() })
		.where(eq(downloadTokens.id, tokenId));
}

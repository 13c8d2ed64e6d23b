import { creditSubscriptions, creditTransactions, type Db } from "@focus-racer/db";
import { and, desc, eq, lt } from "drizzle-orm";

/** The pro's credit movements, newest first, 50 a page; with their plans. */
export async function creditHistory(db: Db, userId: string, before?: string) {
	const rows = await db
		.select({
			id: creditTransactions.id,
			amount: creditTransactions.amount,
			kind: creditTransactions.kind,
			balanceAfter: creditTransactions.balanceAfter,
			note: creditTransactions.note,
			createdAt: creditTransactions.createdAt,
		})
		.from(creditTransactions)
		.where(
			and(
				eq(creditTransactions.userId, userId),
				before ? lt(creditTransactions.createdAt, new Date(before)) : undefined,
			),
		)
		.orderBy(desc(creditTransactions.createdAt), desc(creditTransactions.id))
		.limit(51);
	const subscriptions = await db
		.select({
			plan: creditSubscriptions.plan,
			creditsPerPeriod: creditSubscriptions.creditsPerPeriod,
			priceCents: creditSubscriptions.priceCents,
			status: creditSubscriptions.status,
			currentPeriodEnd: creditSubscriptions.currentPeriodEnd,
			cancelAtPeriodEnd: creditSubscriptions.cancelAtPeriodEnd,
		})
		.from(creditSubscriptions)
		.where(eq(creditSubscriptions.userId, userId))
		.orderBy(desc(creditSubscriptions.createdAt));
	const page = rows.slice(0, 50);
	return {
		transactions: page,
		nextBefore: rows.length > 50 ? (page.at(-1)?.createdAt.toISOString() ?? null) : null,
		subscriptions,
	};
}

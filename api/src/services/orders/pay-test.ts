import { AppError, type Logger } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import { findDownloadToken } from "../downloads/download-tokens.ts";
import { markOrderPaid } from "./fulfil-order.ts";
import type { Payments } from "./payments.ts";
import { type ReceiptDeps, sendReceiptIfDue } from "./receipt.ts";

/**
 * The explicit test payment of a site without Stripe keys: the same fulfilment as a webhook
 * (markOrderPaid, then the receipt), flagged is_test_payment. Impossible in production
 * (paymentsMode is "disabled" there) and whenever Stripe keys are set.
 */
export async function payOrderInTestMode(
	deps: ReceiptDeps & { db: Db; payments: Payments; log: Logger },
	downloadToken: string,
): Promise<{ status: "paid" }> {
	if (deps.payments.mode !== "test") {
		throw new AppError(
			"FORBIDDEN",
			"Test payments are only possible on a site without Stripe keys, outside production.",
		);
	}
	const token = await findDownloadToken(deps.db, downloadToken);
	if (!token) throw new AppError("NOT_FOUND", "Order not found.");
	const outcome = await deps.db.transaction((tx) =>
		markOrderPaid(tx, { orderId: token.orderId, payment: { kind: "test" }, log: deps.log }),
	);
	if (outcome !== "paid" && outcome !== "already_paid") {
		throw new AppError("CONFLICT", "This order can no longer be paid.");
	}
	await sendReceiptIfDue(deps, token.orderId);
	return { status: "paid" };
}

import { AppError } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/** Read fresh from the row, not from the session snapshot: uploads spend credits meanwhile. */
export async function getCreditBalance(options: { db: Db; userId: string }): Promise<{ balance: number }> {
	const [row] = await options.db
		.select({ balance: users.creditsBalance })
		.from(users)
		.where(eq(users.id, options.userId));
	if (!row) throw new AppError("NOT_FOUND", "Account not found.");
	return row;
}

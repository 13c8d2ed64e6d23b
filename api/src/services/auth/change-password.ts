import { AppError, hashPassword, verifyPassword } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { invalidateOtherSessions } from "./sessions.ts";

export interface ChangePasswordOptions {
	db: Db;
	userId: string;
	sessionId: string;
	currentPassword: string;
	newPassword: string;
}

/** Signs out every other device: a changed password often means a leaked one. */
export async function changePassword(options: ChangePasswordOptions): Promise<void> {
	const { db, userId } = options;
	const [user] = await db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	if (!user) throw new AppError("NOT_FOUND", "Account not found.");
	if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
		throw new AppError("BAD_REQUEST", "The current password is wrong.");
	}
	const passwordHash = await hashPassword(options.newPassword);
	await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
	await invalidateOtherSessions(db, userId, options.sessionId);
}

import { AppError } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { invalidateUserSessions } from "../auth/sessions.ts";

export interface SetUserActiveOptions {
	db: Db;
	actorId: string;
	userId: string;
	isActive: boolean;
}

/** Deactivation signs the user out everywhere at once. */
export async function setUserActive(
	options: SetUserActiveOptions,
): Promise<{ id: string; isActive: boolean }> {
	if (options.actorId === options.userId && !options.isActive) {
		throw new AppError("BAD_REQUEST", "You cannot deactivate your own account.");
	}
	const [user] = await options.db
		.update(users)
		.set({ isActive: options.isActive })
		.where(eq(users.id, options.userId))
		.returning({ id: users.id, isActive: users.isActive });
	if (!user) throw new AppError("NOT_FOUND", "User not found.");
	if (!options.isActive) await invalidateUserSessions(options.db, options.userId);
	return user;
}

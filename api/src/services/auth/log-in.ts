import { AppError, verifyAgainstDummy, verifyPassword } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { type PublicUser, toPublicUser } from "./sessions.ts";

/** One message for an unknown email and a wrong password, so nobody learns who has an account. */
export const invalidCredentials = "Invalid email or password.";

export async function logIn(options: { db: Db; email: string; password: string }): Promise<PublicUser> {
	const [user] = await options.db.select().from(users).where(eq(users.email, options.email));
	const valid = user
		? await verifyPassword(user.passwordHash, options.password)
		: await verifyAgainstDummy(options.password);
	if (!user || !valid) throw new AppError("UNAUTHORIZED", invalidCredentials);
	// Said only to someone who knows the password: it reveals nothing to a guesser.
	if (!user.isActive) throw new AppError("FORBIDDEN", "This account is deactivated. Contact support.");
	await options.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
	return toPublicUser(user);
}

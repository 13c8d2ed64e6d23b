import { AppError, hashPassword } from "@focus-racer/core";
import { type Db, type Locale, type UserRole, users } from "@focus-racer/db";
import { type PublicUser, publicUserColumns } from "./sessions.ts";

export interface RegisterUserOptions {
	db: Db;
	email: string;
	password: string;
	name: string;
	role: Exclude<UserRole, "admin">;
	locale: Locale;
}

/** Admins are never self-registered: they come from ADMIN_EMAIL or another admin. */
export async function registerUser(options: RegisterUserOptions): Promise<PublicUser> {
	const passwordHash = await hashPassword(options.password);
	const [user] = await options.db
		.insert(users)
		.values({
			email: options.email,
			name: options.name,
			role: options.role,
			locale: options.locale,
			passwordHash,
		})
		.onConflictDoNothing({ target: users.email })
		.returning(publicUserColumns);
	if (!user) throw new AppError("CONFLICT", "An account already exists with this email. Log in instead.");
	return user;
}

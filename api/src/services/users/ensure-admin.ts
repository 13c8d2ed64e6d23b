import { hashPassword } from "@focus-racer/core";
import { type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/**
 * Production's first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD. An existing account with
 * that email is promoted and reactivated but keeps its password: env vars never silently
 * overwrite a password someone changed since.
 */
export async function ensureAdmin(options: {
	db: Db;
	email: string;
	password: string;
}): Promise<"created" | "promoted" | "unchanged"> {
	const [existing] = await options.db
		.select({ id: users.id, role: users.role, isActive: users.isActive })
		.from(users)
		.where(eq(users.email, options.email));
	if (!existing) {
		await options.db.insert(users).values({
			email: options.email,
			name: "Administrator",
			role: "admin",
			passwordHash: await hashPassword(options.password),
		});
		return "created";
	}
	if (existing.role === "admin" && existing.isActive) return "unchanged";
	await options.db.update(users).set({ role: "admin", isActive: true }).where(eq(users.id, existing.id));
	return "promoted";
}

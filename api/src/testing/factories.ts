import { randomBytes } from "node:crypto";
import { hashPassword } from "@focus-racer/core";
import { type Db, type UserRole, users } from "@focus-racer/db";

export interface TestUser {
	id: string;
	email: string;
	password: string;
	role: UserRole;
}

/** A user straight in the database, for tests that need roles nobody can self-register (admin). */
export async function createTestUser(
	db: Db,
	options: { role?: UserRole; isActive?: boolean; password?: string } = {},
): Promise<TestUser> {
	const role = options.role ?? "runner";
	const password = options.password ?? `pw-${randomBytes(8).toString("hex")}`;
	const email = `${role}-${randomBytes(5).toString("hex")}@test.example`;
	const [row] = await db
		.insert(users)
		.values({
			email,
			name: `Test ${role}`,
			role,
			isActive: options.isActive ?? true,
			passwordHash: await hashPassword(password),
		})
		.returning({ id: users.id });
	if (!row) throw new Error("user insert returned nothing");
	return { id: row.id, email, password, role };
}

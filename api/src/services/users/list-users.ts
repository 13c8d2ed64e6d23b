import { type Db, type UserRole, users } from "@focus-racer/db";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";

export interface ListUsersOptions {
	db: Db;
	search?: string | undefined;
	role?: UserRole | undefined;
	/** createdAt of the last row of the previous page (ISO string). */
	cursor?: string | undefined;
	limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export async function listUsers(options: ListUsersOptions) {
	const filters: SQL[] = [];
	if (options.role) filters.push(eq(users.role, options.role));
	if (options.search) {
		const pattern = `%${escapeLike(options.search)}%`;
		const match = or(ilike(users.email, pattern), ilike(users.name, pattern));
		if (match) filters.push(match);
	}
	if (options.cursor) filters.push(lt(users.createdAt, new Date(options.cursor)));
	const rows = await options.db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			isActive: users.isActive,
			creditsBalance: users.creditsBalance,
			createdAt: users.createdAt,
			lastLoginAt: users.lastLoginAt,
		})
		.from(users)
		.where(and(...filters))
		.orderBy(desc(users.createdAt))
		.limit(options.limit + 1);
	const page = rows.slice(0, options.limit);
	const last = page.at(-1);
	return {
		users: page,
		nextCursor: rows.length > options.limit && last ? last.createdAt.toISOString() : null,
	};
}

import { generateSessionToken, sessionIdFromToken } from "@focus-racer/core";
import { type Db, sessions, type User, users } from "@focus-racer/db";
import { and, eq, ne } from "drizzle-orm";

const day = 24 * 60 * 60 * 1000;

/** The user fields every layer may see: never the password hash or Stripe secrets. */
export const publicUserColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	locale: users.locale,
	creditsBalance: users.creditsBalance,
} as const;
export type PublicUser = Pick<User, keyof typeof publicUserColumns>;

export function toPublicUser(user: PublicUser): PublicUser {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		locale: user.locale,
		creditsBalance: user.creditsBalance,
	};
}

export interface SessionContext {
	db: Db;
	ttlDays: number;
}

export interface IssuedSession {
	token: string;
	id: string;
	expiresAt: Date;
}

export async function createSession(
	ctx: SessionContext,
	options: { userId: string; userAgent?: string | undefined; ip?: string | undefined },
): Promise<IssuedSession> {
	const token = generateSessionToken();
	const id = sessionIdFromToken(token);
	const expiresAt = new Date(Date.now() + ctx.ttlDays * day);
	await ctx.db.insert(sessions).values({
		id,
		userId: options.userId,
		expiresAt,
		userAgent: options.userAgent?.slice(0, 300),
		ip: options.ip,
	});
	return { token, id, expiresAt };
}

export interface ValidatedSession {
	session: { id: string; expiresAt: Date };
	user: PublicUser;
	/** True when the expiry moved: the cookie must be sent again. */
	refreshed: boolean;
}

/**
 * Sliding expiry as in lucia's guide: a session used in the second half of its life is
 * extended to a full TTL. Expired sessions and deactivated users are rejected.
 */
export async function validateSessionToken(
	ctx: SessionContext,
	token: string,
): Promise<ValidatedSession | null> {
	const id = sessionIdFromToken(token);
	const [row] = await ctx.db
		.select({
			session: { id: sessions.id, expiresAt: sessions.expiresAt },
			user: publicUserColumns,
			isActive: users.isActive,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const now = Date.now();
	if (row.session.expiresAt.getTime() <= now) {
		await ctx.db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (!row.isActive) return null;
	const ttl = ctx.ttlDays * day;
	let refreshed = false;
	if (row.session.expiresAt.getTime() - now < ttl / 2) {
		row.session.expiresAt = new Date(now + ttl);
		await ctx.db.update(sessions).set({ expiresAt: row.session.expiresAt }).where(eq(sessions.id, id));
		refreshed = true;
	}
	return { session: row.session, user: row.user, refreshed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** After a password change: every other device must log in again. */
export async function invalidateOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<void> {
	await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

import { type Db, type Locale, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/** What the profile form edits, as stored. */
export async function getProfile(db: Db, userId: string) {
	const [row] = await db
		.select({ name: users.name, phone: users.phone, locale: users.locale })
		.from(users)
		.where(eq(users.id, userId));
	return row ?? null;
}

/** The runner's own name, phone and language (email and role change through other paths). */
export async function updateProfile(
	db: Db,
	userId: string,
	profile: { name: string; phone?: string | null | undefined; locale: Locale },
) {
	const [row] = await db
		.update(users)
		.set({ name: profile.name, phone: profile.phone ?? null, locale: profile.locale })
		.where(eq(users.id, userId))
		.returning({ id: users.id, name: users.name, phone: users.phone, locale: users.locale });
	return row;
}

import { inArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { memberships, organisations } from "./schema/organisations.ts";
import { type UserRole, users } from "./schema/users.ts";

export interface DemoAccount {
	role: UserRole;
	email: string;
	password: string;
	name: string;
}

/** Printed by `npm start`; a demo database is for trying the product, not for real data. */
export const demoPassword = "focus-racer-demo";

const demoUsers: ReadonlyArray<Omit<DemoAccount, "password"> & { credits?: number }> = [
	{ role: "runner", email: "runner@focusracer.example", name: "Léa Martin" },
	{ role: "photographer", email: "photographer@focusracer.example", name: "Hugo Lefèvre", credits: 5000 },
	{ role: "organizer", email: "organizer@focusracer.example", name: "Trail des Crêtes", credits: 2000 },
	{ role: "agency", email: "agency@focusracer.example", name: "Agence Finish Line", credits: 15000 },
	{ role: "club", email: "club@focusracer.example", name: "AC Lyon Running", credits: 1000 },
	{
		role: "federation",
		email: "federation@focusracer.example",
		name: "Ligue Auvergne-Rhône-Alpes d'Athlétisme",
		credits: 20000,
	},
	{ role: "admin", email: "admin@focusracer.example", name: "Admin Focus Racer" },
];

export interface SeedOptions {
	hashPassword: (password: string) => Promise<string>;
	/** The demo admin exists only on the embedded default (a deployment's admin comes from env). */
	includeAdmin: boolean;
}

export interface SeedResult {
	seeded: boolean;
	accounts: DemoAccount[];
}

/**
 * Seeds the demo on an EMPTY database only (no user at all), in one transaction, so it never
 * mixes with real data and a crash half-way leaves nothing. Returns the demo logins that exist.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
	const wanted = demoUsers.filter((u) => options.includeAdmin || u.role !== "admin");
	const seeded = await db.transaction(async (tx) => {
		// Two processes starting at once must not both seed.
		await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
		const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
		if (count > 0) return false;
		const passwordHash = await options.hashPassword(demoPassword);
		const inserted = await tx
			.insert(users)
			.values(
				wanted.map((u) => ({
					email: u.email,
					name: u.name,
					role: u.role,
					passwordHash,
					creditsBalance: u.credits ?? 0,
				})),
			)
			.returning({ id: users.id, role: users.role });
		const byRole = new Map(inserted.map((u) => [u.role, u.id]));
		await seedTeams(tx, byRole);
		return true;
	});
	const existing = await db
		.select({ email: users.email, role: users.role, name: users.name })
		.from(users)
		.where(
			inArray(
				users.email,
				wanted.map((u) => u.email),
			),
		);
	const order = new Map(wanted.map((u, i) => [u.email, i]));
	const accounts = existing
		.map((u) => ({ ...u, password: demoPassword }))
		.sort((a, b) => (order.get(a.email) ?? 0) - (order.get(b.email) ?? 0));
	return { seeded, accounts };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The agency employs the demo photographer, so team screens have someone to show. */
async function seedTeams(tx: Tx, byRole: Map<UserRole, string>): Promise<void> {
	const agencyId = byRole.get("agency");
	const photographerId = byRole.get("photographer");
	if (!agencyId || !photographerId) return;
	const [agency] = await tx
		.insert(organisations)
		.values({ name: "Agence Finish Line", kind: "agency", ownerId: agencyId })
		.returning({ id: organisations.id });
	if (!agency) return;
	await tx.insert(memberships).values([
		{ organisationId: agency.id, userId: agencyId, role: "owner" },
		{ organisationId: agency.id, userId: photographerId, role: "member" },
	]);
}

import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { events } from "./schema/events.ts";
import { memberships, organisations } from "./schema/organisations.ts";
import { pricePacks } from "./schema/price-packs.ts";
import { startListEntries } from "./schema/start-lists.ts";
import { type UserRole, users } from "./schema/users.ts";

export interface DemoAccount {
	role: UserRole;
	email: string;
	password: string;
	name: string;
}

export const demoEventSlug = "trail-des-cretes-2026";

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
		await seedEvent(tx, byRole);
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

const firstNames = [
	"Léa",
	"Hugo",
	"Chloé",
	"Lucas",
	"Manon",
	"Louis",
	"Camille",
	"Gabriel",
	"Inès",
	"Jules",
	"Sarah",
	"Arthur",
	"Emma",
	"Nathan",
	"Zoé",
	"Tom",
	"Jade",
	"Théo",
	"Lina",
	"Raphaël",
];
const lastNames = [
	"Martin",
	"Bernard",
	"Dubois",
	"Thomas",
	"Robert",
	"Richard",
	"Petit",
	"Durand",
	"Leroy",
	"Moreau",
	"Simon",
	"Laurent",
	"Lefebvre",
	"Michel",
	"Garcia",
	"David",
	"Bertrand",
	"Roux",
	"Vincent",
	"Fournier",
];
const categories = ["SEH", "SEF", "M0H", "M0F", "M1H", "M1F", "ESH", "ESF"];
const clubs = [
	"AC Lyon Running",
	"Trail Club des Monts d'Or",
	"ASPTT Grenoble",
	null,
	"Running Club Annecy",
	null,
];

export const demoStripeAccountId = "acct_demo_photographer";

/**
 * One public event, photographed by the demo photographer for the demo organizer, with a
 * 120-runner start list and the price packs of PRODUCT.md §2 (1 photo 5 €, 5 photos 15 €,
 * all my photos 25 €). Photos come with the pipeline issue, through the real pipeline.
 */
async function seedEvent(tx: Tx, byRole: Map<UserRole, string>): Promise<void> {
	const ownerId = byRole.get("photographer");
	if (!ownerId) return;
	// The demo seller counts as connected to Stripe so the demo cart shows the 1 € service fee of
	// a real sale. The account id is fake: with real Stripe keys, connect a real account first.
	await tx
		.update(users)
		.set({ stripeAccountId: demoStripeAccountId, stripeChargesEnabled: true, stripePayoutsEnabled: true })
		.where(eq(users.id, ownerId));
	const [event] = await tx
		.insert(events)
		.values({
			slug: demoEventSlug,
			name: "Trail des Crêtes 2026",
			date: "2026-10-18",
			place: "Lyon, Monts d'Or",
			sportType: "trail",
			description:
				"23 km et 1 100 m D+ sur les crêtes des Monts d'Or. Retrouvez vos photos avec votre numéro de dossard.",
			visibility: "public",
			primaryColor: "#E4572E",
			secondaryColor: "#1B2A41",
			ownerId,
			organizerId: byRole.get("organizer"),
		})
		.returning({ id: events.id });
	if (!event) return;
	await tx.insert(startListEntries).values(
		Array.from({ length: 120 }, (_, i) => ({
			eventId: event.id,
			bib: String(101 + i),
			firstName: firstNames[i % firstNames.length],
			lastName: lastNames[(i * 7) % lastNames.length],
			category: categories[i % categories.length],
			club: clubs[i % clubs.length],
		})),
	);
	await tx.insert(pricePacks).values([
		{ eventId: event.id, name: "1 photo", priceCents: 500, photoCount: 1, sortOrder: 0 },
		{ eventId: event.id, name: "5 photos", priceCents: 1500, photoCount: 5, sortOrder: 1 },
		{ eventId: event.id, name: "Toutes mes photos", priceCents: 2500, photoCount: null, sortOrder: 2 },
	]);
}

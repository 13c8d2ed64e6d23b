import { type Db, events, memberships, photos, subquery } from "@focus-racer/db";
import { and, desc, eq, or, sql } from "drizzle-orm";

/** Events the user may manage (owner, organizer, organisation member), with photo counts per state. */
export async function listManagedEvents(options: { db: Db; user: { id: string; role: string } }) {
	const { db, user } = options;
	const managed =
		user.role === "admin"
			? sql`true`
			: or(
					eq(events.ownerId, user.id),
					eq(events.organizerId, user.id),
					sql`exists (select 1 from ${memberships} where ${memberships.organisationId} = ${events.organisationId} and ${memberships.userId} = ${user.id})`,
				);
	return db
		.select({
			id: events.id,
			slug: events.slug,
			name: events.name,
			date: events.date,
			place: events.place,
			visibility: events.visibility,
			photoCount: sql<number>`(${subquery.select({ n: sql`count(*)::int` }).from(photos).where(eq(photos.eventId, events.id))})`,
			readyCount: sql<number>`(${subquery
				.select({ n: sql`count(*)::int` })
				.from(photos)
				.where(and(eq(photos.eventId, events.id), eq(photos.status, "ready")))})`,
		})
		.from(events)
		.where(managed)
		.orderBy(desc(events.date));
}

import { type Db, type EventVisibility, events, memberships } from "@focus-racer/db";
import { and, eq, or, sql } from "drizzle-orm";
import { AppError } from "../errors.ts";

/**
 * Who may manage an event's photos: its owner, its organizer, the members of its organisation,
 * and admins. Everyone else gets NOT_FOUND, never a hint that the event exists.
 */
export async function requireEventManager(
	db: Db,
	options: { eventId: string; user: { id: string; role: string } },
): Promise<{ id: string; ownerId: string }> {
	const { eventId, user } = options;
	const isAdmin = user.role === "admin";
	const [event] = await db
		.select({ id: events.id, ownerId: events.ownerId })
		.from(events)
		.where(
			and(
				eq(events.id, eventId),
				isAdmin
					? sql`true`
					: or(
							eq(events.ownerId, user.id),
							eq(events.organizerId, user.id),
							sql`exists (select 1 from ${memberships} where ${memberships.organisationId} = ${events.organisationId} and ${memberships.userId} = ${user.id})`,
						),
			),
		);
	if (!event) throw new AppError("NOT_FOUND", "Event not found.");
	return event;
}

/**
 * What the public side may show: a `public` event to anyone; a draft or archived one only to
 * its managers (their preview). Everyone else gets NOT_FOUND, as for a missing event.
 */
export async function requirePublicEvent(
	db: Db,
	options: { eventId: string; user: { id: string; role: string } | null },
): Promise<{ id: string; ownerId: string; visibility: EventVisibility }> {
	const [event] = await db
		.select({ id: events.id, ownerId: events.ownerId, visibility: events.visibility })
		.from(events)
		.where(eq(events.id, options.eventId));
	if (!event) throw new AppError("NOT_FOUND", "Event not found.");
	if (event.visibility !== "public") {
		if (!options.user) throw new AppError("NOT_FOUND", "Event not found.");
		await requireEventManager(db, { eventId: event.id, user: options.user });
	}
	return event;
}

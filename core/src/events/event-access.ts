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
 * Public events as last read, per database and event, for a few seconds: every public read
 * (gallery page, searches, cart) starts with this lookup, and under load it is one round trip
 * of three. A visibility change made through updateEvent is forgotten at once in this
 * process; other api processes see it within the TTL.
 */
const publicEventTtlMs = 5000;
const publicEvents = new WeakMap<Db, Map<string, { at: number; event: PublicEventRef }>>();

type PublicEventRef = { id: string; ownerId: string; visibility: EventVisibility };

export function forgetPublicEvent(db: Db, eventId: string): void {
	publicEvents.get(db)?.delete(eventId);
}

/**
 * What the public side may show: a `public` event to anyone; a draft or archived one only to
 * its managers (their preview). Everyone else gets NOT_FOUND, as for a missing event.
 */
export async function requirePublicEvent(
	db: Db,
	options: { eventId: string; user: { id: string; role: string } | null },
): Promise<PublicEventRef> {
	let cache = publicEvents.get(db);
	if (!cache) {
		cache = new Map();
		publicEvents.set(db, cache);
	}
	const hit = cache.get(options.eventId);
	if (hit && Date.now() - hit.at < publicEventTtlMs) return hit.event;
	const [event] = await db
		.select({ id: events.id, ownerId: events.ownerId, visibility: events.visibility })
		.from(events)
		.where(eq(events.id, options.eventId));
	if (!event) throw new AppError("NOT_FOUND", "Event not found.");
	if (event.visibility === "public") {
		// Bounded: a flood of distinct ids cannot grow it past a few thousand entries.
		if (cache.size > 5000) cache.clear();
		cache.set(event.id, { at: Date.now(), event });
		return event;
	}
	if (!options.user) throw new AppError("NOT_FOUND", "Event not found.");
	await requireEventManager(db, { eventId: event.id, user: options.user });
	return event;
}

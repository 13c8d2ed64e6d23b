import type { Db } from "@focus-racer/db";
import { sql } from "drizzle-orm";

/**
 * Counts one visitor of an event's page today. The visitor is a hash of IP, browser and day
 * keyed by the installation's secret salt: the same person twice in a day counts once, no IP
 * is kept, and tomorrow's hash cannot be linked to today's.
 */
export async function recordEventVisit(
	db: Db,
	visit: { eventId: string; ip: string; userAgent: string | undefined },
): Promise<void> {
	await db.execute(sql`
		insert into event_visits (event_id, day, visitor_hash)
		values (
			${visit.eventId}::uuid,
			current_date,
			encode(sha256(convert_to(
				current_date::text || '|' || ${visit.ip} || '|' || ${visit.userAgent ?? ""} || '|' ||
				coalesce((select value->>'salt' from platform_settings where key = 'visitor_salt'), ''),
				'UTF8')), 'hex')
		)
		on conflict do nothing`);
}

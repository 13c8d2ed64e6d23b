import { date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";

/**
 * Who opened an event's public page, per day: the "viewers" of the conversion rate (viewers →
 * buyers). A visitor is a keyed hash of IP and browser that changes every day, so no person
 * can be followed from one day to the next and no IP is stored.
 */
export const eventVisits = pgTable(
	"event_visits",
	{
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		day: date("day", { mode: "string" }).notNull(),
		visitorHash: text("visitor_hash").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.day, t.visitorHash] }),
		index("event_visits_day_idx").on(t.day),
	],
);

import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters shared by every api process (api/src/services/rate-limit). A row per
 * key (e.g. `auth:<ip>`); the upsert resets `hits` once `resetAt` has passed.
 */
export const rateLimits = pgTable(
	"rate_limits",
	{
		key: text("key").primaryKey(),
		hits: integer("hits").notNull().default(0),
		resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
	},
	(t) => [index("rate_limits_reset_idx").on(t.resetAt)],
);

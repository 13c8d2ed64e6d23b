import { relations, sql } from "drizzle-orm";
import {
	boolean,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { photoBibs } from "./photo-bibs.ts";

/** Registration platforms with a preset mapping; `csv` records file imports (no credentials). */
export const startListProviders = ["njuko", "kms", "runsignup", "csv"] as const;
export type StartListProvider = (typeof startListProviders)[number];
export const startListProvider = pgEnum("start_list_provider", startListProviders);

export const startListSyncStatuses = ["never", "running", "succeeded", "failed"] as const;
export type StartListSyncStatus = (typeof startListSyncStatuses)[number];
export const startListSyncStatus = pgEnum("start_list_sync_status", startListSyncStatuses);

/**
 * Why the last sync failed, as stable codes the web translates (the stored message is the
 * platform's answer in English, for support). All but `unexpected` are the connector's reasons
 * (core's StartListConnectorError); `unexpected`: the failure was ours, not the platform's.
 */
export const startListSyncReasons = [
	"unsupported_provider",
	"invalid_config",
	"invalid_mapping",
	"auth_refused",
	"unknown_race",
	"rate_limited",
	"timeout",
	"unreachable",
	"provider_unavailable",
	"provider_error",
	"http_error",
	"not_json",
	"unexpected_shape",
	"too_many_pages",
	"unexpected",
] as const;
export type StartListSyncReason = (typeof startListSyncReasons)[number];
export const startListSyncReason = pgEnum("start_list_sync_reason", startListSyncReasons);

/**
 * Where each start-list field sits in the provider's JSON (dot paths, e.g. `data.participants`
 * and `bib_number`); for CSV, the header names. Null keys fall back to the provider preset.
 */
export interface StartListFieldMapping {
	listPath?: string;
	bib?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	category?: string;
	club?: string;
}

// Latin letters with diacritics and their bare letter, position by position (same length).
const accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸ";
const plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyY";

/** The same folding as `searchName`, for the query side. */
export function foldSearchText(value: string): string {
	let out = "";
	for (const char of value) {
		const at = accented.indexOf(char);
		out += at >= 0 ? plain[at] : char;
	}
	return out.toLowerCase();
}

/** One runner of an event. (event, bib) is the identity every bib lookup and re-import uses. */
export const startListEntries = pgTable(
	"start_list_entries",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		/** Text, not a number: bibs like "0042" or "A12" exist and must match OCR output exactly. */
		bib: text("bib").notNull(),
		firstName: text("first_name"),
		lastName: text("last_name"),
		email: text("email"),
		category: text("category"),
		club: text("club"),
		/**
		 * "first last" lower-cased without accents, kept by PostgreSQL itself so every writer
		 * (seed, CSV import, connectors) gets it: name search is accent- and case-insensitive.
		 * translate() is immutable where unaccent() is not, so it may back a generated column.
		 */
		searchName: text("search_name").generatedAlwaysAs(
			sql`lower(translate(coalesce(first_name, '') || ' ' || coalesce(last_name, ''), ${sql.raw(`'${accented}'`)}, ${sql.raw(`'${plain}'`)}))`,
		),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	// Name search scans one event's list (a few thousand rows at most) through this index's prefix.
	(t) => [uniqueIndex("start_list_entries_event_bib_key").on(t.eventId, t.bib)],
);

export const startListEntriesRelations = relations(startListEntries, ({ one, many }) => ({
	event: one(events, { fields: [startListEntries.eventId], references: [events.id] }),
	photoBibs: many(photoBibs),
}));

/** A connector configured on an event: which provider, its credentials, and the field mapping. */
export const startListSources = pgTable(
	"start_list_sources",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		provider: startListProvider("provider").notNull(),
		/** Overrides the preset's API base URL (self-hosted instances, tests against a local server). */
		baseUrl: text("base_url"),
		/** The race's id on the provider's side. */
		externalEventId: text("external_event_id"),
		/** Needed in clear to call the provider; the api never sends them back to the browser. */
		apiKey: text("api_key"),
		apiSecret: text("api_secret"),
		fieldMapping: jsonb("field_mapping").$type<StartListFieldMapping>(),
		isActive: boolean("is_active").notNull().default(true),
		lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
		lastSyncStatus: startListSyncStatus("last_sync_status").notNull().default("never"),
		lastSyncError: text("last_sync_error"),
		lastSyncReason: startListSyncReason("last_sync_reason"),
		/** Entries created or updated by the last sync, shown next to its date. */
		lastSyncCount: integer("last_sync_count"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [uniqueIndex("start_list_sources_event_provider_key").on(t.eventId, t.provider)],
);

export const startListSourcesRelations = relations(startListSources, ({ one }) => ({
	event: one(events, { fields: [startListSources.eventId], references: [events.id] }),
}));

export type StartListEntry = typeof startListEntries.$inferSelect;
export type NewStartListEntry = typeof startListEntries.$inferInsert;
export type StartListSource = typeof startListSources.$inferSelect;

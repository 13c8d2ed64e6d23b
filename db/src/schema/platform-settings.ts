import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Admin-editable settings, one JSON value per key: e.g. "watermark" ({ key } of the PNG under
 * `platform/`), "ai" (OCR/face thresholds, providers). Keys and value shapes are validated by
 * core; an absent key means the env/default value applies.
 */
export const platformSettings = pgTable(
	"platform_settings",
	{
		key: text("key").primaryKey(),
		value: jsonb("value").$type<unknown>().notNull(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
		updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [index("platform_settings_updated_by_idx").on(t.updatedById)],
);

export const platformSettingsRelations = relations(platformSettings, ({ one }) => ({
	updatedBy: one(users, { fields: [platformSettings.updatedById], references: [users.id] }),
}));

export type PlatformSetting = typeof platformSettings.$inferSelect;

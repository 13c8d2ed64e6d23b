import { relations } from "drizzle-orm";
import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { photos } from "./photos.ts";
import { users } from "./users.ts";

/** A runner's saved photos (guests keep theirs in the browser and may merge them at login). */
export const favorites = pgTable(
	"favorites",
	{
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		photoId: uuid("photo_id")
			.notNull()
			.references(() => photos.id, { onDelete: "cascade" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.photoId] }), index("favorites_photo_idx").on(t.photoId)],
);

export const favoritesRelations = relations(favorites, ({ one }) => ({
	user: one(users, { fields: [favorites.userId], references: [users.id] }),
	photo: one(photos, { fields: [favorites.photoId], references: [photos.id] }),
}));

export type Favorite = typeof favorites.$inferSelect;

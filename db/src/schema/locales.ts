import { pgEnum } from "drizzle-orm/pg-core";

/**
 * UI and email languages. A leaf module: users and orders both build columns from this enum at
 * load time, and users.ts sits in the import cycle of the relations, so it must not live there.
 */
export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const locale = pgEnum("locale", locales);

import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The signed-in account's saved photos, newest saved first, each with its event. */
export const getFavorites = query(() => trpc.favorites.list.query(), "favorites.list");

import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The admin's AI settings: what the workers use, the overrides, the defaults (admins only). */
export const getAiSettings = query(() => trpc.aiSettings.get.query(), "aiSettings.get");

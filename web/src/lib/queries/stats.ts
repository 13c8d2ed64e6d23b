import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** Every managed event's figures and their totals (stats page, organizer coverage). */
export const getStatsOverview = query(() => trpc.stats.overview.query(), "stats.overview");

/** One event's figures with 30 days of visits and sales, and its most photographed runners. */
export const getEventStats = query((eventId: string) => trpc.stats.event.query({ eventId }), "stats.event");

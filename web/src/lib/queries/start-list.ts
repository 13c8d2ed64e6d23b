import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The event's connectors (keys never sent back) and how many runners its start list holds. */
export const getStartListSources = query(
	(eventId: string) => trpc.startLists.sources.query({ eventId }),
	"startLists.sources",
);

/** 200 runners by bib order; the next page starts after the previous page's `nextAfter`. */
export const getStartListEntries = query(
	(eventId: string, after?: string) =>
		trpc.startLists.entries.query(after === undefined ? { eventId } : { eventId, after }),
	"startLists.entries",
);

import { query } from "@solidjs/router";
import { type RouterInputs, trpc } from "../trpc.ts";

export type PublicEventsInput = RouterInputs["events"]["listPublic"];

/** Public events, latest race first, a page at a time. Keyed by input: home and /events share pages. */
export const getPublicEvents = query(
	(input: PublicEventsInput) => trpc.events.listPublic.query(input),
	"events.listPublic",
);

/** The /events list's page; its first page is shared by the route preload and the page. */
export const publicEventsListPage = { limit: 24 } as const satisfies PublicEventsInput;

/** The home page's "latest races" (and its hero preview, which shows the newest one). */
export const recentEventsInput = { limit: 6 } as const satisfies PublicEventsInput;

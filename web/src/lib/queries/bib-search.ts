import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/**
 * A runner's photos by exact bib. Keyed, so the results page, a reload of `?bib=123` and the
 * cart's "add more photos of bib 123" share one request.
 */
export const getBibSearch = query(
	(eventId: string, bib: string) => trpc.search.byBib.query({ eventId, bib }),
	"search.byBib",
);

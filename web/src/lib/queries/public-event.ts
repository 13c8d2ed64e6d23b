import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** An event's public page by slug: the route preload, the event page, its cart and checkout share it. */
export const getPublicEvent = query((slug: string) => trpc.events.bySlug.query({ slug }), "events.bySlug");

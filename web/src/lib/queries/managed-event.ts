import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** One event as its manager edits it; the settings page and the event's header share it. */
export const getManagedEvent = query((eventId: string) => trpc.events.get.query({ eventId }), "events.get");

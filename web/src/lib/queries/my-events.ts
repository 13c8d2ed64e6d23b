import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The events the signed-in pro manages, newest first, with their photo counts. */
export const getMyEvents = query(() => trpc.events.listMine.query(), "events.listMine");

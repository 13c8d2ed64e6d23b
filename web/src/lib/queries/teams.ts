import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The teams the user belongs to, their members' figures and (for those who run them) pending invites. */
export const getMyTeams = query(() => trpc.teams.mine.query(), "teams.mine");

import { query } from "@solidjs/router";
import { trpc } from "../trpc.ts";

/** The account's own data requests (copies and deletion), newest first. */
export const getGdprRequests = query(() => trpc.account.gdprRequests.query(), "account.gdprRequests");

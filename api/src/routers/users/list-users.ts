import { userRoles } from "@focus-racer/db";
import * as v from "valibot";
import { listUsers } from "../../services/users/list-users.ts";
import { adminProcedure } from "../../trpc/init.ts";

export const listUsersInput = v.object({
	search: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
	role: v.optional(v.picklist(userRoles)),
	cursor: v.optional(v.pipe(v.string(), v.isoTimestamp())),
	limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50),
});

export const list = adminProcedure
	.input(listUsersInput)
	.query(({ ctx, input }) => listUsers({ db: ctx.deps.db, ...input }));

import { AppError } from "@focus-racer/core";
import { proRoles } from "@focus-racer/db";
import { initTRPC, TRPCError } from "@trpc/server";
import * as v from "valibot";
import type { TrpcContext } from "./context.ts";

/**
 * The only initTRPC of the app (ARCHITECTURE §8.3). Services throw AppError; the base
 * middleware maps it to a TRPCError (that sets the HTTP status); the errorFormatter shapes the
 * wire form: valibot issues as field errors, internal errors without their message in production.
 */
const t = initTRPC.context<TrpcContext>().create({
	errorFormatter({ shape, error, ctx }) {
		const cause = error.cause;
		const fieldErrors = cause instanceof v.ValiError ? v.flatten(cause.issues).nested : undefined;
		const hideInternal = error.code === "INTERNAL_SERVER_ERROR" && ctx?.deps.env.NODE_ENV === "production";
		return {
			...shape,
			message: hideInternal
				? "Internal error"
				: cause instanceof v.ValiError
					? firstIssue(cause)
					: shape.message,
			data: {
				code: shape.data.code,
				httpStatus: shape.data.httpStatus,
				path: shape.data.path,
				fieldErrors,
				retryAfter: cause instanceof AppError ? cause.retryAfter : undefined,
			},
		};
	},
});

function firstIssue(error: v.ValiError<v.GenericSchema>): string {
	const issue = error.issues[0];
	if (!issue) return "Invalid input";
	const key = v.getDotPath(issue);
	return key ? `${key}: ${issue.message}` : issue.message;
}

const mapAppErrors = t.middleware(async ({ next, ctx }) => {
	const result = await next();
	if (!result.ok) {
		const cause = result.error.cause;
		if (cause instanceof AppError) {
			throw new TRPCError({ code: cause.code, message: cause.message, cause });
		}
		if (result.error.code === "INTERNAL_SERVER_ERROR") {
			ctx.deps.log.error({ err: result.error.cause ?? result.error }, "procedure failed");
		}
	}
	return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
	if (!ctx.user || !ctx.session) {
		throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in." });
	}
	return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

const proRoleSet: ReadonlySet<string> = new Set(proRoles);

/** Photographers, agencies, clubs, federations and organizers (PRODUCT.md §1). */
export const proProcedure = authedProcedure.use(({ ctx, next }) => {
	if (!proRoleSet.has(ctx.user.role)) {
		throw new TRPCError({ code: "FORBIDDEN", message: "This is for professional accounts." });
	}
	return next({ ctx });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
	if (ctx.user.role !== "admin") {
		throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only." });
	}
	return next({ ctx });
});

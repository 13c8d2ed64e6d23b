import { AppError } from "@focus-racer/core";
import { proRoles } from "@focus-racer/db";
import { initTRPC, StandardSchemaV1Error, TRPCError } from "@trpc/server";
import * as v from "valibot";
import type { TrpcContext } from "./context.ts";

/**
 * The only initTRPC of the app (ARCHITECTURE §8.3). Services throw AppError; the base
 * middleware maps it to a TRPCError (that sets the HTTP status); the errorFormatter shapes the
 * wire form: valibot issues as field errors, internal errors without their message in production.
 */
const t = initTRPC.context<TrpcContext>().create({
	errorFormatter({ shape, error, ctx }) {
		const issues = inputIssues(error.cause);
		const hideInternal = error.code === "INTERNAL_SERVER_ERROR" && ctx?.deps.env.NODE_ENV === "production";
		return {
			...shape,
			message: hideInternal ? "Internal error" : issues ? firstIssue(issues) : shape.message,
			data: {
				code: shape.data.code,
				httpStatus: shape.data.httpStatus,
				path: shape.data.path,
				fieldErrors: issues ? fieldErrorsOf(issues) : undefined,
				retryAfter: error.cause instanceof AppError ? error.cause.retryAfter : undefined,
			},
		};
	},
});

type InputIssue = { message: string; path?: ReadonlyArray<PropertyKey | { key: unknown }> | undefined };

/**
 * The input's validation issues: tRPC v11 validates valibot schemas through the Standard Schema
 * interface and throws its own StandardSchemaV1Error; a service parsing with valibot itself
 * throws a ValiError. Both carry issues with a path of keys.
 */
function inputIssues(cause: unknown): readonly InputIssue[] | undefined {
	if (cause instanceof StandardSchemaV1Error) return cause.issues;
	if (cause instanceof v.ValiError) return (cause as v.ValiError<v.GenericSchema>).issues;
	return undefined;
}

function dotPath(issue: InputIssue): string {
	return (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
}

/** Messages by field path ("" for the input as a whole), as a form shows them beside each field. */
function fieldErrorsOf(issues: readonly InputIssue[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const issue of issues) {
		const key = dotPath(issue);
		out[key] = [...(out[key] ?? []), issue.message];
	}
	return out;
}

function firstIssue(issues: readonly InputIssue[]): string {
	const issue = issues[0];
	if (!issue) return "Invalid input";
	const key = dotPath(issue);
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

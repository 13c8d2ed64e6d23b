/**
 * The one error type services throw. Only the tRPC layer (and plain HTTP routes) turn it into
 * a wire shape, so services stay transport-neutral and the worker can use them too.
 */
export const appErrorCodes = [
	"BAD_REQUEST",
	"UNAUTHORIZED",
	"FORBIDDEN",
	"NOT_FOUND",
	"CONFLICT",
	"TOO_MANY_REQUESTS",
	"PAYMENT_REQUIRED",
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
	override name = "AppError";
	readonly code: AppErrorCode;
	/** Seconds to wait, for TOO_MANY_REQUESTS. */
	readonly retryAfter?: number;

	constructor(code: AppErrorCode, message: string, options: { retryAfter?: number; cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.code = code;
		if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
	}
}

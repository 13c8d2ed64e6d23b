import type { AppErrorCode } from "@focus-racer/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The HTTP status of each AppError code, for plain HTTP routes (tRPC maps its own). */
export function appErrorStatus(code: AppErrorCode): ContentfulStatusCode {
	const statuses: Record<AppErrorCode, ContentfulStatusCode> = {
		BAD_REQUEST: 400,
		UNAUTHORIZED: 401,
		PAYMENT_REQUIRED: 402,
		FORBIDDEN: 403,
		NOT_FOUND: 404,
		CONFLICT: 409,
		TOO_MANY_REQUESTS: 429,
	};
	return statuses[code];
}

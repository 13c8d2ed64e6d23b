import type { Translate } from "../i18n/index.tsx";
import { isApiError } from "./trpc.ts";

type ErrorCode = string;

/**
 * Turns a failed call into a sentence for the form. The server's messages are readable but in
 * English; the errors a form expects (wrong password, taken email…) are worded by the caller in
 * the visitor's language, and validation messages fall back to the server's wording.
 */
export function apiErrorMessage(
	error: unknown,
	t: Translate,
	expected: Partial<Record<ErrorCode, string>> = {},
): string {
	if (!isApiError(error)) return t("errors.generic");
	const data = error.data;
	// No data: the request never got a tRPC answer (offline, proxy down, server restarting).
	if (!data) return t("errors.network");
	if (data.code === "TOO_MANY_REQUESTS") {
		const seconds = typeof data.retryAfter === "number" ? data.retryAfter : 60;
		return t("errors.tooManyRequests", Math.max(1, Math.ceil(seconds / 60)));
	}
	const isValidation = data.fieldErrors !== undefined;
	const worded = isValidation ? undefined : expected[data.code];
	if (worded) return worded;
	if (data.code === "INTERNAL_SERVER_ERROR") return t("errors.generic");
	return error.message || t("errors.generic");
}

import * as i18n from "@solid-primitives/i18n";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { Translate } from "../i18n/dictionary.ts";
import { fr } from "../i18n/fr.ts";
import { apiErrorMessage } from "./api-error-message.ts";

const t: Translate = i18n.translator(() => i18n.flatten(fr));

function apiError(message: string, data?: Record<string, unknown>): Error {
	// The shape the server's errorFormatter sends (api/src/trpc/init.ts).
	return Object.assign(new TRPCClientError(message), { data });
}

describe("apiErrorMessage", () => {
	it("words the errors a form expects in the visitor's language", () => {
		const error = apiError("Invalid email or password.", { code: "UNAUTHORIZED" });
		expect(apiErrorMessage(error, t, { UNAUTHORIZED: "E-mail ou mot de passe incorrect." })).toBe(
			"E-mail ou mot de passe incorrect.",
		);
	});

	it("keeps the server's validation message rather than a guess", () => {
		const error = apiError("email: Enter a valid email address.", {
			code: "BAD_REQUEST",
			fieldErrors: { email: ["Enter a valid email address."] },
		});
		expect(apiErrorMessage(error, t, { BAD_REQUEST: "wrong password" })).toBe(
			"email: Enter a valid email address.",
		);
	});

	it("turns retryAfter into minutes", () => {
		const error = apiError("Too many attempts", { code: "TOO_MANY_REQUESTS", retryAfter: 125 });
		expect(apiErrorMessage(error, t)).toBe(t("errors.tooManyRequests", 3));
	});

	it("says the server is unreachable when there is no tRPC answer", () => {
		expect(apiErrorMessage(apiError("Failed to fetch"), t)).toBe(t("errors.network"));
	});

	it("never shows internal error text", () => {
		const error = apiError("relation users does not exist", { code: "INTERNAL_SERVER_ERROR" });
		expect(apiErrorMessage(error, t)).toBe(t("errors.generic"));
	});
});

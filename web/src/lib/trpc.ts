import type { AppRouter } from "@focus-racer/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/**
 * The one tRPC client of the web app. Same origin as the api (Vite proxies /trpc in dev), so the
 * HttpOnly session cookie rides along by itself: nothing about the session is stored here.
 */
export const trpc = createTRPCClient<AppRouter>({
	links: [httpBatchLink({ url: "/trpc" })],
});

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The signed-in user as the server describes it (never a hand-written copy). */
export type User = NonNullable<RouterOutputs["auth"]["me"]>;
export type Role = User["role"];
export type RegisterRole = NonNullable<RouterInputs["auth"]["register"]["role"]>;

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
	return error instanceof TRPCClientError;
}

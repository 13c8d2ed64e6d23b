import type { AppRouter } from "@focus-racer/api";
import {
	createTRPCClient,
	httpBatchLink,
	httpSubscriptionLink,
	splitLink,
	TRPCClientError,
} from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/**
 * The one tRPC client of the web app. Same origin as the api (Vite proxies /trpc in dev), so the
 * HttpOnly session cookie rides along by itself: nothing about the session is stored here.
 * Subscriptions (live upload progress) go over Server-Sent Events, which the browser reconnects
 * by itself; tRPC then sends the last event id it saw, so nothing is missed or shown twice.
 */
export const trpc = createTRPCClient<AppRouter>({
	links: [
		splitLink({
			condition: (op) => op.type === "subscription",
			true: httpSubscriptionLink({ url: "/trpc" }),
			false: httpBatchLink({ url: "/trpc" }),
		}),
	],
});

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The signed-in user as the server describes it (never a hand-written copy). */
export type User = NonNullable<RouterOutputs["auth"]["me"]>;
export type Role = User["role"];
export type RegisterRole = NonNullable<RouterInputs["auth"]["register"]["role"]>;

/** An event the pro manages (`events.listMine`). */
export type ManagedEvent = RouterOutputs["events"]["listMine"][number];
/** One photo of the pro's grid (`photos.list`). */
export type EventPhoto = RouterOutputs["photos"]["list"]["photos"][number];
export type PhotoStatus = EventPhoto["status"];
export type UploadOptions = NonNullable<RouterInputs["uploads"]["create"]["options"]>;
/** One live progress row of an import (`uploads.progress`), without tRPC's tracking envelope. */
export type UploadProgressEvent = (RouterOutputs["uploads"]["progress"] extends AsyncIterable<infer E>
	? E
	: never)["data"];

/** The admin's AI settings screen (`aiSettings.get`): resolved values, overrides, defaults. */
export type AiSettingsView = RouterOutputs["aiSettings"]["get"];
export type AiSettings = AiSettingsView["settings"];
export type AiProvider = AiSettings["provider"];
/** The admin's overrides as `aiSettings.update` takes them (a field left out follows its default). */
export type AiSettingsOverrides = RouterInputs["aiSettings"]["update"];

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
	return error instanceof TRPCClientError;
}

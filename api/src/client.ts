import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "./routers/index.ts";

export interface ApiClientOptions {
	/** Base URL of a Focus Racer server, e.g. https://photos.example.com */
	url: string;
	/** Session token from `auth.login({ …, session: "token" })`; sent as a Bearer header. */
	token?: string | (() => string | undefined);
	fetch?: typeof fetch;
}

/** The typed client for other apps (the mobile app): same types as the web, Bearer auth. */
export function createApiClient(options: ApiClientOptions) {
	return createTRPCClient<AppRouter>({
		links: [
			httpBatchLink({
				url: new URL("/trpc", options.url).toString(),
				...(options.fetch ? { fetch: options.fetch } : {}),
				headers: () => {
					const token = typeof options.token === "function" ? options.token() : options.token;
					return token ? { authorization: `Bearer ${token}` } : {};
				},
			}),
		],
	});
}

export type ApiClient = ReturnType<typeof createApiClient>;

export { createApp } from "./app.ts";
export { type ApiClient, type ApiClientOptions, createApiClient } from "./client.ts";
export type { AppDeps } from "./deps.ts";
export type { AppRouter } from "./routers/index.ts";

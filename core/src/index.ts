export * from "./auth/password.ts";
export * from "./auth/session-token.ts";
export * from "./config/env.ts";
export * from "./config/logger.ts";
export * from "./errors.ts";

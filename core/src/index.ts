export * from "./config/env.ts";

export * from "./job-handler.ts";
export * from "./registry.ts";
export * from "./worker.ts";

// The whole domain of PRODUCT.md. Each file owns one domain and its relations.
export * from "./organisations.ts";
export * from "./users.ts";
export * from "./rate-limits.ts";

// The whole domain of PRODUCT.md. Each file owns one domain and its relations.

export * from "./audit-log.ts";
export * from "./credits.ts";
export * from "./email-outbox.ts";
export * from "./event-visits.ts";
export * from "./events.ts";
export * from "./faces.ts";
export * from "./favorites.ts";
export * from "./gdpr.ts";
export * from "./marketplace.ts";
export * from "./orders.ts";
export * from "./organisations.ts";
export * from "./photo-bibs.ts";
export * from "./photos.ts";
export * from "./platform-settings.ts";
export * from "./price-packs.ts";
export * from "./rate-limits.ts";
export * from "./start-lists.ts";
export * from "./stripe-events.ts";
export * from "./support.ts";
export * from "./timing.ts";
export * from "./upload-options.ts";
export * from "./uploads.ts";
export * from "./users.ts";

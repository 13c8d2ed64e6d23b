import type { RouterInputs, RouterOutputs } from "../trpc.ts";

/** The public side's shapes, all read from the api's router (never hand-written copies). */

/** A card of the public events list (`events.listPublic`). */
export type PublicEventCard = RouterOutputs["events"]["listPublic"]["events"][number];
/** An event's public page (`events.bySlug`). */
export type PublicEvent = RouterOutputs["events"]["bySlug"];
export type PricePack = PublicEvent["packs"][number];
/** One photo of a public gallery or of a bib search: micro (grid) and watermarked thumb (lightbox). */
export type GalleryPhoto = RouterOutputs["gallery"]["photos"]["photos"][number];
export type BibSearchResult = RouterOutputs["search"]["byBib"];
export type RunnerMatch = RouterOutputs["search"]["byName"]["runners"][number];
export type FavoritePhoto = RouterOutputs["favorites"]["list"][number];

export type CartInput = RouterInputs["cart"]["price"];
export type CartPrice = RouterOutputs["cart"]["price"];
export type CartLine = CartPrice["lines"][number];
export type CartUpsell = CartPrice["upsells"][number];

export type PaymentConfig = RouterOutputs["orders"]["paymentConfig"];
export type PaymentMode = PaymentConfig["mode"];
export type CheckoutInput = RouterInputs["orders"]["checkout"];
export type CheckoutResult = RouterOutputs["orders"]["checkout"];
export type OrderDownloads = RouterOutputs["orders"]["byToken"];
export type OrderStatus = OrderDownloads["order"]["status"];
export type OrderFile = OrderDownloads["files"][number];
export type MyOrder = RouterOutputs["orders"]["listMine"][number];

/**
 * What the grid, the lightbox, the cart and favorites need of a photo. A gallery photo is one;
 * a selfie match (plain HTTP, no size) becomes one with unknown width and height.
 */
export type ShopPhoto = Pick<GalleryPhoto, "id" | "microUrl" | "thumbUrl" | "width" | "height">;

import { query } from "@solidjs/router";
import type { CartInput } from "../shop/shop-types.ts";
import { trpc } from "../trpc.ts";

/** The server's price of a cart (lines, fee, total, upsells): the browser never adds prices up. */
export const getCartPrice = query((input: CartInput) => trpc.cart.price.query(input), "cart.price");

import type { Translate } from "../../i18n/index.tsx";
import type { PricePack } from "./shop-types.ts";

/**
 * A pack in the visitor's language ("5 photos", "All my photos"), from what it holds rather
 * than the name the organizer typed, which is in one language only.
 */
export function packLabel(pack: Pick<PricePack, "photoCount">, t: Translate): string {
	return pack.photoCount === null ? t("shop.allPhotosPack") : t("shop.photosPack", pack.photoCount);
}

/** Whether the event sells "all my photos" packs (the "Buy all my photos" button needs one). */
export function hasAllPhotosPack(packs: readonly Pick<PricePack, "photoCount">[]): boolean {
	return packs.some((p) => p.photoCount === null);
}

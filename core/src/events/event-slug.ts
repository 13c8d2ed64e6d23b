import { foldSearchText } from "@focus-racer/db";

/** Slugs are path segments of public URLs: lower-case kebab, bounded (events_slug_key is unique). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxSlugLength = 80;

/**
 * "Trail des Crêtes" on 2026-10-18 → "trail-des-cretes-2026": accents folded like name search,
 * anything else between words becomes one dash. The year keeps yearly editions apart.
 */
export function slugFor(name: string, date: string): string {
	const words = foldSearchText(name)
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
	const year = /^\d{4}/.exec(date)?.[0];
	const base = (words || "event").slice(0, maxSlugLength - 5).replace(/-+$/, "");
	return year && !base.endsWith(year) ? `${base}-${year}` : base;
}

/** The slug, or the first of slug-2, slug-3… that `isTaken` does not know. */
export async function uniqueSlug(
	slug: string,
	isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
	if (!(await isTaken(slug))) return slug;
	for (let n = 2; n < 1000; n++) {
		const candidate = `${slug}-${n}`;
		if (!(await isTaken(candidate))) return candidate;
	}
	throw new Error(`no free slug near ${slug}`);
}

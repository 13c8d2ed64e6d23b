import { escapeHtml, type Storage } from "@focus-racer/core";
import { type Db, events } from "@focus-racer/db";
import { and, eq } from "drizzle-orm";
import { publicEventColumns } from "../services/events/public-event-columns.ts";

/** `/events/<slug>` (and its sub-pages): the pages a shared link or a crawler opens. */
const eventPath = /^\/events\/([a-z0-9-]{1,120})(?:\/|$)/;

/**
 * The title, description and Open Graph tags of a public event page, written into the HTML
 * itself: crawlers and link previews (WhatsApp, Facebook…) do not run the SPA's JavaScript.
 * Null for any other page, or an event that is not public (a draft stays unannounced).
 */
export async function eventPageMeta(
	deps: { db: Db; storage: Storage; siteUrl: string },
	path: string,
): Promise<string | null> {
	const slug = eventPath.exec(path)?.[1];
	if (!slug) return null;
	const [event] = await deps.db
		.select({ ...publicEventColumns, description: events.description })
		.from(events)
		.where(and(eq(events.slug, slug), eq(events.visibility, "public")));
	if (!event) return null;
	const title = `${event.name} — photos | Focus Racer`;
	const description =
		event.description?.slice(0, 300) ??
		`${event.photoCount} photos of ${event.name} (${event.place}, ${event.date}). Find yours by bib number, name or selfie.`;
	const imageKey = event.posterKey ?? event.coverKey;
	const url = new URL(`/events/${event.slug}`, deps.siteUrl).toString();
	const tags: Array<[string, string, string]> = [
		["name", "description", description],
		["property", "og:type", "website"],
		["property", "og:site_name", "Focus Racer"],
		["property", "og:title", title],
		["property", "og:description", description],
		["property", "og:url", url],
		["name", "twitter:card", imageKey ? "summary_large_image" : "summary"],
	];
	if (imageKey)
		tags.push(["property", "og:image", new URL(deps.storage.publicUrl(imageKey), deps.siteUrl).toString()]);
	return [
		`<title data-sm="">${escapeHtml(title)}</title>`,
		`<link rel="canonical" href="${escapeHtml(url)}" />`,
		// data-sm: @solidjs/meta replaces these at start instead of adding a second description.
		...tags.map(
			([attr, key, value]) => `<meta data-sm="" ${attr}="${key}" content="${escapeHtml(value)}" />`,
		),
	].join("\n\t\t");
}

/** index.html with the event's tags in place of the generic title and description. */
export function withEventMeta(indexHtml: string, meta: string): string {
	return indexHtml
		.replace(/<meta\b[^>]*\bname="description"[^>]*>/s, "")
		.replace(/<title[^>]*>.*?<\/title>/s, "")
		.replace("</head>", `\t${meta}\n\t</head>`);
}

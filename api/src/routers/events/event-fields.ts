import { slugPattern } from "@focus-racer/core";
import { eventVisibilities, sportTypes } from "@focus-racer/db";
import * as v from "valibot";

const hexColor = v.nullable(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, "A colour like #E4572E.")));

/**
 * What a pro types about an event. No defaults here: an edit sends only what changed, and a
 * default would silently reset the rest (a rename must not turn a public event back to draft).
 */
const eventFieldEntries = {
	name: v.pipe(v.string(), v.trim(), v.minLength(2, "Give the race's name."), v.maxLength(120)),
	date: v.pipe(v.string(), v.isoDate("A date like 2026-10-18.")),
	place: v.pipe(v.string(), v.trim(), v.minLength(2, "Where does it take place?"), v.maxLength(120)),
	sportType: v.picklist(sportTypes),
	description: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(5000)))),
	timezone: v.optional(
		v.pipe(
			v.string(),
			v.check((tz) => {
				try {
					new Intl.DateTimeFormat("en", { timeZone: tz });
					return true;
				} catch {
					return false;
				}
			}, "An IANA time zone such as Europe/Paris."),
		),
	),
	visibility: v.picklist(eventVisibilities),
	primaryColor: v.optional(hexColor),
	secondaryColor: v.optional(hexColor),
	/** The race organizer's account (their space then shows the event); null unlinks. */
	organizerEmail: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email()))),
	slug: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.toLowerCase(),
			v.maxLength(80),
			v.regex(slugPattern, "Lower-case letters, digits and dashes."),
		),
	),
};

/** A new event: a running race, a draft until the pro publishes it, unless said otherwise. */
export const createEventInput = v.object({
	...eventFieldEntries,
	sportType: v.optional(eventFieldEntries.sportType, "running"),
	visibility: v.optional(eventFieldEntries.visibility, "draft"),
});

/** An edit: any subset of the fields, nothing else changes. */
export const updateEventInput = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	...v.partial(v.object(eventFieldEntries)).entries,
});

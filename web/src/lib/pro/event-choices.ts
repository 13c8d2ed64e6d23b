import type { EventVisibility, SportType } from "./pro-types.ts";

// Records, so a sport or a visibility added on the server without its place here is a type error.
const sportOrder: Record<SportType, number> = {
	running: 0,
	trail: 1,
	triathlon: 2,
	cycling: 3,
	mountain_bike: 4,
	swimming: 5,
	obstacle: 6,
	ski: 7,
	walking: 8,
	other: 9,
};
const visibilityOrder: Record<EventVisibility, number> = { draft: 0, public: 1, archived: 2 };

const byOrder = <K extends string>(order: Record<K, number>) =>
	(Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

/** The sports an event may be, in the order the form lists them. */
export const sportTypes: readonly SportType[] = byOrder(sportOrder);
/** Draft, public, archived: the life of an event's page. */
export const eventVisibilities: readonly EventVisibility[] = byOrder(visibilityOrder);

/** Time zones offered first (the users are mostly in France and its neighbours); any IANA name works. */
export const commonTimezones = [
	"Europe/Paris",
	"Europe/Brussels",
	"Europe/Zurich",
	"Europe/Luxembourg",
	"Europe/London",
	"Europe/Madrid",
	"Europe/Rome",
	"Europe/Berlin",
	"America/Martinique",
	"America/Guadeloupe",
	"Indian/Reunion",
	"Pacific/Tahiti",
	"America/Montreal",
	"America/New_York",
] as const;

import type { LucideProps } from "lucide-solid";
import {
	BadgeEuro,
	Banknote,
	Bot,
	CalendarDays,
	ChartColumn,
	ClipboardList,
	Coins,
	CreditCard,
	Download,
	Flag,
	Handshake,
	Heart,
	Image,
	LayoutDashboard,
	LifeBuoy,
	Settings,
	ShieldCheck,
	ShieldUser,
	Store,
	Upload,
	UserRound,
	Users,
} from "lucide-solid";
import type { Component } from "solid-js";
import type { RawDictionary } from "../i18n/dictionary.ts";
import { proSpaceRoles } from "./roles.ts";
import type { Role } from "./trpc.ts";

export type SectionKey = keyof RawDictionary["sections"];
export type SpaceId = keyof RawDictionary["spaces"];

/**
 * What a space's page shows: its landing, the shared settings page, the events list (with each
 * event's pages below it), the photo import, the start lists, stats, credits, payouts, the team,
 * a runner's favorites, orders, downloads or personal data, the admin's AI settings, or a
 * placeholder for now.
 */
export type SectionKind =
	| "landing"
	| "settings"
	| "events"
	| "upload"
	| "startLists"
	| "stats"
	| "credits"
	| "payouts"
	| "team"
	| "favorites"
	| "orders"
	| "downloads"
	| "privacy"
	| "aiSettings"
	| "placeholder";

export interface SpaceSection {
	/** Path below the space's base; "" is the landing. */
	slug: string;
	section: SectionKey;
	icon: Component<LucideProps>;
	kind: SectionKind;
	/** Shown in the nav only to these roles (the route exists for every role of the space). */
	onlyFor?: readonly Role[];
}

export interface SpaceDefinition {
	id: SpaceId;
	base: string;
	roles: readonly Role[];
	sections: readonly SpaceSection[];
}

/**
 * The four signed-in spaces and their sections (PRODUCT §1). Routes and navs are both built from
 * this list, so a section is added in one place. Sections of features not built yet are placeholders.
 */
export const spaces: Record<SpaceId, SpaceDefinition> = {
	pro: {
		id: "pro",
		base: "/pro",
		roles: proSpaceRoles,
		sections: [
			{ slug: "", section: "dashboard", icon: LayoutDashboard, kind: "landing" },
			{ slug: "events", section: "events", icon: CalendarDays, kind: "events" },
			{ slug: "upload", section: "upload", icon: Upload, kind: "upload" },
			{ slug: "stats", section: "stats", icon: ChartColumn, kind: "stats" },
			{ slug: "credits", section: "credits", icon: Coins, kind: "credits" },
			{ slug: "payouts", section: "payouts", icon: Banknote, kind: "payouts" },
			{ slug: "team", section: "team", icon: Users, kind: "team", onlyFor: ["agency", "club", "federation"] },
			{ slug: "marketplace", section: "marketplace", icon: Store, kind: "placeholder" },
			{ slug: "settings", section: "settings", icon: Settings, kind: "settings" },
		],
	},
	organizer: {
		id: "organizer",
		base: "/organizer",
		roles: ["organizer"],
		sections: [
			{ slug: "", section: "dashboard", icon: LayoutDashboard, kind: "landing" },
			{ slug: "races", section: "races", icon: Flag, kind: "events" },
			{ slug: "start-lists", section: "startLists", icon: ClipboardList, kind: "startLists" },
			{ slug: "upload", section: "upload", icon: Upload, kind: "upload" },
			{ slug: "photographers", section: "findPhotographers", icon: Handshake, kind: "placeholder" },
			{ slug: "stats", section: "stats", icon: ChartColumn, kind: "stats" },
			{ slug: "credits", section: "credits", icon: Coins, kind: "credits" },
			{ slug: "payouts", section: "payouts", icon: Banknote, kind: "payouts" },
			{ slug: "settings", section: "settings", icon: Settings, kind: "settings" },
		],
	},
	admin: {
		id: "admin",
		base: "/admin",
		roles: ["admin"],
		sections: [
			{ slug: "", section: "dashboard", icon: LayoutDashboard, kind: "landing" },
			{ slug: "users", section: "users", icon: Users, kind: "placeholder" },
			{ slug: "events", section: "events", icon: CalendarDays, kind: "placeholder" },
			{ slug: "payments", section: "payments", icon: CreditCard, kind: "placeholder" },
			{ slug: "gdpr", section: "gdpr", icon: ShieldUser, kind: "placeholder" },
			{ slug: "support", section: "support", icon: LifeBuoy, kind: "placeholder" },
			{ slug: "moderation", section: "moderation", icon: ShieldCheck, kind: "placeholder" },
			{ slug: "platform", section: "platform", icon: Image, kind: "placeholder" },
			{ slug: "ai", section: "ai", icon: Bot, kind: "aiSettings" },
			{ slug: "settings", section: "settings", icon: Settings, kind: "settings" },
		],
	},
	account: {
		id: "account",
		base: "/account",
		roles: ["runner"],
		sections: [
			{ slug: "", section: "profile", icon: UserRound, kind: "landing" },
			{ slug: "orders", section: "orders", icon: BadgeEuro, kind: "orders" },
			{ slug: "downloads", section: "downloads", icon: Download, kind: "downloads" },
			{ slug: "favorites", section: "favorites", icon: Heart, kind: "favorites" },
			{ slug: "privacy", section: "privacy", icon: ShieldCheck, kind: "privacy" },
		],
	},
};

export function sectionPath(space: SpaceDefinition, section: SpaceSection): string {
	return section.slug ? `${space.base}/${section.slug}` : space.base;
}

/**
 * The pages of one event, in the order of its tabs; `slug` is the path below the event ("" is
 * its photo grid). Routes and tabs are both built from this list.
 */
export const eventTabs = [
	{ tab: "photos", slug: "" },
	{ tab: "upload", slug: "upload" },
	{ tab: "startList", slug: "start-list" },
	{ tab: "packs", slug: "packs" },
	{ tab: "stats", slug: "stats" },
	{ tab: "settings", slug: "settings" },
] as const;
export type EventTab = (typeof eventTabs)[number]["tab"];

/** Where a space's tools live: its events and each event's pages, the import, credits, payouts. */
export interface SpacePaths {
	events: string;
	newEvent: string;
	event: (eventId: string, tab?: EventTab) => string;
	upload: (eventId?: string) => string;
	credits: string;
	payouts: string;
	stats: string;
	team: string;
}

export function spacePaths(space: SpaceDefinition): SpacePaths {
	const pathOf = (kind: SectionKind, fallback: string) =>
		`${space.base}/${space.sections.find((s) => s.kind === kind)?.slug ?? fallback}`;
	const events = pathOf("events", "events");
	const event = (eventId: string, tab: EventTab = "photos") => {
		const slug = eventTabs.find((t) => t.tab === tab)?.slug ?? "";
		return `${events}/${encodeURIComponent(eventId)}${slug ? `/${slug}` : ""}`;
	};
	const upload = pathOf("upload", "upload");
	return {
		events,
		newEvent: `${events}/new`,
		event,
		upload: (eventId) => (eventId ? event(eventId, "upload") : upload),
		credits: pathOf("credits", "credits"),
		payouts: pathOf("payouts", "payouts"),
		stats: pathOf("stats", "stats"),
		team: pathOf("team", "team"),
	};
}

export function visibleSections(space: SpaceDefinition, role: Role): SpaceSection[] {
	return space.sections.filter((s) => !s.onlyFor || s.onlyFor.includes(role));
}

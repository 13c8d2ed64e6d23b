import type { LucideProps } from "lucide-solid";
import {
	BadgeEuro,
	Banknote,
	Bot,
	CalendarDays,
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
	Receipt,
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
 * event's photo grid below it), the photo import, a runner's favorites, orders or downloads, or
 * a placeholder for now.
 */
export type SectionKind =
	| "landing"
	| "settings"
	| "events"
	| "upload"
	| "favorites"
	| "orders"
	| "downloads"
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
 * this list, so a section is added in one place. Most sections are placeholders until their issue.
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
			{ slug: "sales", section: "sales", icon: Receipt, kind: "placeholder" },
			{ slug: "credits", section: "credits", icon: Coins, kind: "placeholder" },
			{ slug: "payouts", section: "payouts", icon: Banknote, kind: "placeholder" },
			{ slug: "team", section: "team", icon: Users, kind: "placeholder", onlyFor: ["agency", "federation"] },
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
			{ slug: "start-lists", section: "startLists", icon: ClipboardList, kind: "placeholder" },
			{ slug: "upload", section: "upload", icon: Upload, kind: "upload" },
			{ slug: "photographers", section: "findPhotographers", icon: Handshake, kind: "placeholder" },
			{ slug: "sales", section: "sales", icon: Receipt, kind: "placeholder" },
			{ slug: "credits", section: "credits", icon: Coins, kind: "placeholder" },
			{ slug: "payouts", section: "payouts", icon: Banknote, kind: "placeholder" },
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
			{ slug: "ai", section: "ai", icon: Bot, kind: "placeholder" },
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
			{ slug: "privacy", section: "privacy", icon: ShieldCheck, kind: "placeholder" },
		],
	},
};

export function sectionPath(space: SpaceDefinition, section: SpaceSection): string {
	return section.slug ? `${space.base}/${section.slug}` : space.base;
}

/** Where a space's photo tools live: its events list, one event's grid, the import page. */
export interface SpacePaths {
	events: string;
	event: (eventId: string) => string;
	upload: (eventId?: string) => string;
	credits: string;
}

export function spacePaths(space: SpaceDefinition): SpacePaths {
	const slugOf = (kind: SectionKind, fallback: string) =>
		space.sections.find((s) => s.kind === kind)?.slug ?? fallback;
	const events = `${space.base}/${slugOf("events", "events")}`;
	const upload = `${space.base}/${slugOf("upload", "upload")}`;
	return {
		events,
		event: (eventId) => `${events}/${encodeURIComponent(eventId)}`,
		upload: (eventId) => (eventId ? `${events}/${encodeURIComponent(eventId)}/upload` : upload),
		credits: `${space.base}/credits`,
	};
}

export function visibleSections(space: SpaceDefinition, role: Role): SpaceSection[] {
	return space.sections.filter((s) => !s.onlyFor || s.onlyFor.includes(role));
}

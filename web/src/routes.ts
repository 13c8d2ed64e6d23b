import type { RouteDefinition, RoutePreloadFunc } from "@solidjs/router";
import { type Component, lazy } from "solid-js";
import { AccountLayout } from "./layouts/account-layout.tsx";
import { AdminLayout } from "./layouts/admin-layout.tsx";
import { OrganizerLayout } from "./layouts/organizer-layout.tsx";
import { ProLayout } from "./layouts/pro-layout.tsx";
import { PublicLayout } from "./layouts/public-layout.tsx";
import { withFavoritesSync } from "./layouts/with-favorites-sync.tsx";
import { getAiSettings } from "./lib/queries/ai-settings.ts";
import { getBibSearch } from "./lib/queries/bib-search.ts";
import { getCreditBalance } from "./lib/queries/credit-balance.ts";
import { getCreditHistory, getCreditOffers } from "./lib/queries/credits.ts";
import { eventPhotosInput, getEventPhotos, isPhotoFilter } from "./lib/queries/event-photos.ts";
import { galleryPhotosInput, getGalleryPhotos } from "./lib/queries/gallery-photos.ts";
import { getGdprRequests } from "./lib/queries/gdpr-requests.ts";
import { getManagedEvent } from "./lib/queries/managed-event.ts";
import { getMyEvents } from "./lib/queries/my-events.ts";
import { getMyOrders, getOrderByToken } from "./lib/queries/orders.ts";
import { getPaymentConfig } from "./lib/queries/payment-config.ts";
import { getPayoutStatus, getPayoutSummary } from "./lib/queries/payouts.ts";
import { getPricePacks } from "./lib/queries/price-packs.ts";
import { getPublicEvent } from "./lib/queries/public-event.ts";
import { getPublicEvents, publicEventsListPage, recentEventsInput } from "./lib/queries/public-events.ts";
import { getStartListEntries, getStartListSources } from "./lib/queries/start-list.ts";
import { getEventStats, getStatsOverview } from "./lib/queries/stats.ts";
import { getMyTeams } from "./lib/queries/teams.ts";
import { slugPattern } from "./lib/shop/shop-paths.ts";
import { type EventTab, eventTabs, type SpaceDefinition, spaces } from "./lib/spaces.ts";
import type { SectionRouteInfo } from "./pages/coming-soon-page.tsx";

/** Pages use named exports (no default exports in this repo), so pick the one to lazy-load. */
function page<M, P extends object = Record<string, never>>(
	load: () => Promise<M>,
	pick: (module: M) => Component<P>,
): Component<P> {
	return lazy(async () => ({ default: pick(await load()) }));
}

const HomePage = page(
	() => import("./pages/home/home-page.tsx"),
	(m) => m.HomePage,
);
const LoginPage = page(
	() => import("./pages/auth/login-page.tsx"),
	(m) => m.LoginPage,
);
const RegisterPage = page(
	() => import("./pages/auth/register-page.tsx"),
	(m) => m.RegisterPage,
);
const EventsPage = page(
	() => import("./pages/events-page.tsx"),
	(m) => m.EventsPage,
);
const EventPage = page(
	() => import("./pages/event/event-page.tsx"),
	(m) => m.EventPage,
);
const CartPage = page(
	() => import("./pages/cart/cart-page.tsx"),
	(m) => m.CartPage,
);
const CheckoutPage = page(
	() => import("./pages/checkout/checkout-page.tsx"),
	(m) => m.CheckoutPage,
);
const DownloadsPage = page(
	() => import("./pages/downloads/downloads-page.tsx"),
	(m) => m.DownloadsPage,
);
const FavoritesPage = page(
	() => import("./pages/account/favorites-page.tsx"),
	(m) => m.FavoritesPage,
);
const AccountOrdersPage = page(
	() => import("./pages/account/orders-page.tsx"),
	(m) => m.AccountOrdersPage,
);
const AccountDownloadsPage = page(
	() => import("./pages/account/orders-page.tsx"),
	(m) => m.AccountDownloadsPage,
);
const NotFoundPage = page(
	() => import("./pages/not-found-page.tsx"),
	(m) => m.NotFoundPage,
);
const ComingSoonPage = page(
	() => import("./pages/coming-soon-page.tsx"),
	(m) => m.ComingSoonPage,
);
const SettingsPage = page(
	() => import("./pages/settings-page.tsx"),
	(m) => m.SettingsPage,
);
const AccountPage = page(
	() => import("./pages/account/account-page.tsx"),
	(m) => m.AccountPage,
);
const ProDashboardPage = page(
	() => import("./pages/dashboard/pro-dashboard-page.tsx"),
	(m) => m.ProDashboardPage,
);
const OrganizerDashboardPage = page(
	() => import("./pages/dashboard/organizer-dashboard-page.tsx"),
	(m) => m.OrganizerDashboardPage,
);
const MyEventsPage = page(
	() => import("./pages/events/my-events-page.tsx"),
	(m) => m.MyEventsPage,
);
const EventPhotosPage = page(
	() => import("./pages/photos/event-photos-page.tsx"),
	(m) => m.EventPhotosPage,
);
const UploadPage = page(
	() => import("./pages/upload/upload-page.tsx"),
	(m) => m.UploadPage,
);
const AdminDashboardPage = page(
	() => import("./pages/dashboard/admin-dashboard-page.tsx"),
	(m) => m.AdminDashboardPage,
);
const NewEventPage = page(
	() => import("./pages/events/new-event-page.tsx"),
	(m) => m.NewEventPage,
);
const ManagedEventLayout = page(
	() => import("./pages/manage-event/managed-event-layout.tsx"),
	(m) => m.ManagedEventLayout,
);
const EventSettingsPage = page(
	() => import("./pages/event-settings/event-settings-page.tsx"),
	(m) => m.EventSettingsPage,
);
const StartListPage = page(
	() => import("./pages/start-list/start-list-page.tsx"),
	(m) => m.StartListPage,
);
const StartListsPage = page(
	() => import("./pages/start-lists/start-lists-page.tsx"),
	(m) => m.StartListsPage,
);
const PacksPage = page(
	() => import("./pages/packs/packs-page.tsx"),
	(m) => m.PacksPage,
);
const StatsOverviewPage = page(
	() => import("./pages/stats/stats-overview-page.tsx"),
	(m) => m.StatsOverviewPage,
);
const EventStatsPage = page(
	() => import("./pages/stats/event-stats-page.tsx"),
	(m) => m.EventStatsPage,
);
const CreditsPage = page(
	() => import("./pages/credits/credits-page.tsx"),
	(m) => m.CreditsPage,
);
const PayoutsPage = page(
	() => import("./pages/payouts/payouts-page.tsx"),
	(m) => m.PayoutsPage,
);
const TeamsPage = page(
	() => import("./pages/teams/teams-page.tsx"),
	(m) => m.TeamsPage,
);
const AcceptInvitePage = page(
	() => import("./pages/invites/accept-invite-page.tsx"),
	(m) => m.AcceptInvitePage,
);
const AiSettingsPage = page(
	() => import("./pages/ai-settings/ai-settings-page.tsx"),
	(m) => m.AiSettingsPage,
);
const PrivacyPage = page(
	() => import("./pages/account/privacy-page.tsx"),
	(m) => m.PrivacyPage,
);

/** Starts the balance request alongside the page's code instead of after it. */
const preloadCreditBalance: RoutePreloadFunc = () => {
	// A logged-out visitor is sent to /login by the layout; the failed request is just dropped.
	getCreditBalance().catch(() => undefined);
};

const preloadMyEvents: RoutePreloadFunc = () => {
	getMyEvents().catch(() => undefined);
};

const preloadUpload: RoutePreloadFunc = () => {
	getMyEvents().catch(() => undefined);
	getCreditBalance().catch(() => undefined);
};

/** A well-formed event id; a malformed one is answered by the page (not found) without asking the server. */
function eventIdOf(params: Record<string, string | undefined>): string | undefined {
	const eventId = params.eventId;
	return eventId && /^[0-9a-f-]{36}$/i.test(eventId) ? eventId : undefined;
}

/** The grid's first page with the filter in the address, as EventPhotosPage asks for it. */
const preloadEventPhotos: RoutePreloadFunc = ({ params, location }) => {
	getMyEvents().catch(() => undefined);
	const eventId = eventIdOf(params);
	if (!eventId) return;
	const status = new URLSearchParams(location.search).get("status");
	const input = eventPhotosInput(eventId, isPhotoFilter(status) ? status : "all");
	getEventPhotos(input).catch(() => undefined);
};

/** Each event page's data next to its code (the layout's events list is asked by all of them). */
function preloadEventTab(load: (eventId: string) => Promise<unknown>): RoutePreloadFunc {
	return ({ params }) => {
		getMyEvents().catch(() => undefined);
		const eventId = eventIdOf(params);
		if (eventId) load(eventId).catch(() => undefined);
	};
}

/** The pages under an event, one per tab of lib/spaces.ts. */
const eventTabRoutes: Record<EventTab, Pick<RouteDefinition, "component" | "preload">> = {
	photos: { component: EventPhotosPage, preload: preloadEventPhotos },
	upload: { component: UploadPage, preload: preloadUpload },
	startList: {
		component: StartListPage,
		preload: preloadEventTab((id) => Promise.all([getStartListSources(id), getStartListEntries(id)])),
	},
	packs: { component: PacksPage, preload: preloadEventTab(getPricePacks) },
	stats: { component: EventStatsPage, preload: preloadEventTab(getEventStats) },
	settings: { component: EventSettingsPage, preload: preloadEventTab(getManagedEvent) },
};

const preloadStatsOverview: RoutePreloadFunc = () => {
	getStatsOverview().catch(() => undefined);
};

const preloadOrganizerLanding: RoutePreloadFunc = () => {
	getCreditBalance().catch(() => undefined);
	getStatsOverview().catch(() => undefined);
};

const preloadCredits: RoutePreloadFunc = () => {
	getCreditOffers().catch(() => undefined);
	getCreditHistory().catch(() => undefined);
	getCreditBalance().catch(() => undefined);
};

const preloadPayouts: RoutePreloadFunc = () => {
	getPayoutStatus().catch(() => undefined);
	getPayoutSummary().catch(() => undefined);
};

const preloadTeams: RoutePreloadFunc = () => {
	getMyTeams().catch(() => undefined);
};

const preloadPrivacy: RoutePreloadFunc = () => {
	getGdprRequests().catch(() => undefined);
};

const preloadAiSettings: RoutePreloadFunc = () => {
	getAiSettings().catch(() => undefined);
};

const preloadHome: RoutePreloadFunc = () => {
	getPublicEvents(recentEventsInput).catch(() => undefined);
};

const preloadPublicEvents: RoutePreloadFunc = () => {
	getPublicEvents(publicEventsListPage).catch(() => undefined);
};

/** The event, then what the page shows first: the bib search in the address, or the gallery's first page. */
const preloadEvent: RoutePreloadFunc = ({ params, location }) => {
	const slug = params.slug ?? "";
	if (!slugPattern.test(slug)) return;
	const bib = new URLSearchParams(location.search).get("bib")?.trim();
	getPublicEvent(slug)
		.then(async (event) => {
			if (bib) await getBibSearch(event.id, bib);
			else await getGalleryPhotos(galleryPhotosInput(event.id));
		})
		.catch(() => undefined);
};

const preloadEventOnly: RoutePreloadFunc = ({ params }) => {
	const slug = params.slug ?? "";
	if (slugPattern.test(slug)) getPublicEvent(slug).catch(() => undefined);
};

const preloadCheckout: RoutePreloadFunc = (args) => {
	preloadEventOnly(args);
	getPaymentConfig().catch(() => undefined);
};

const preloadDownloads: RoutePreloadFunc = ({ params }) => {
	if (params.token) getOrderByToken(params.token).catch(() => undefined);
};

const preloadMyOrders: RoutePreloadFunc = () => {
	getMyOrders().catch(() => undefined);
};

/**
 * One route per section of lib/spaces.ts (the events section also has the new-event form and
 * each event's tabs under one layout), plus the space's own 404.
 */
function spaceRoutes(
	space: SpaceDefinition,
	landing: Component,
	preloadLanding?: RoutePreloadFunc,
): RouteDefinition[] {
	const sectionRoutes = space.sections.flatMap((section): RouteDefinition[] => {
		const info: SectionRouteInfo = { section: section.section, spaceBase: space.base };
		const path = `/${section.slug}`;
		switch (section.kind) {
			case "landing":
				return [{ path: "/", component: landing, preload: preloadLanding, info }];
			case "settings":
				return [{ path, component: SettingsPage, info }];
			case "events":
				return [
					{ path, component: MyEventsPage, preload: preloadMyEvents, info },
					{ path: `${path}/new`, component: NewEventPage, info },
					{
						path: `${path}/:eventId`,
						component: ManagedEventLayout,
						info,
						children: eventTabs.map(({ tab, slug }) => ({ path: `/${slug}`, ...eventTabRoutes[tab] })),
					},
				];
			case "upload":
				return [{ path, component: UploadPage, preload: preloadUpload, info }];
			case "startLists":
				return [{ path, component: StartListsPage, preload: preloadStatsOverview, info }];
			case "stats":
				return [{ path, component: StatsOverviewPage, preload: preloadStatsOverview, info }];
			case "credits":
				return [{ path, component: CreditsPage, preload: preloadCredits, info }];
			case "payouts":
				return [{ path, component: PayoutsPage, preload: preloadPayouts, info }];
			case "team":
				return [{ path, component: TeamsPage, preload: preloadTeams, info }];
			case "privacy":
				return [{ path, component: PrivacyPage, preload: preloadPrivacy, info }];
			case "favorites":
				return [{ path, component: FavoritesPage, info }];
			case "orders":
				return [{ path, component: AccountOrdersPage, preload: preloadMyOrders, info }];
			case "downloads":
				return [{ path, component: AccountDownloadsPage, preload: preloadMyOrders, info }];
			case "aiSettings":
				return [{ path, component: AiSettingsPage, preload: preloadAiSettings, info }];
			default:
				return [{ path, component: ComingSoonPage, info }];
		}
	});
	return [...sectionRoutes, { path: "*404", component: NotFoundPage }];
}

export const routes: RouteDefinition[] = [
	{
		path: "/",
		component: withFavoritesSync(PublicLayout),
		children: [
			{ path: "/", component: HomePage, preload: preloadHome },
			{ path: "/events", component: EventsPage, preload: preloadPublicEvents },
			{ path: "/events/:slug", component: EventPage, preload: preloadEvent },
			{ path: "/events/:slug/cart", component: CartPage, preload: preloadEventOnly },
			{ path: "/events/:slug/checkout", component: CheckoutPage, preload: preloadCheckout },
			{ path: "/downloads/:token", component: DownloadsPage, preload: preloadDownloads },
			{ path: "/invites/:token", component: AcceptInvitePage },
			{ path: "/login", component: LoginPage },
			{ path: "/register", component: RegisterPage },
			{ path: "*404", component: NotFoundPage },
		],
	},
	{
		path: "/pro",
		component: ProLayout,
		children: spaceRoutes(spaces.pro, ProDashboardPage, preloadCreditBalance),
	},
	{
		path: "/organizer",
		component: OrganizerLayout,
		children: spaceRoutes(spaces.organizer, OrganizerDashboardPage, preloadOrganizerLanding),
	},
	{
		path: "/admin",
		component: AdminLayout,
		children: spaceRoutes(spaces.admin, AdminDashboardPage),
	},
	{
		path: "/account",
		component: withFavoritesSync(AccountLayout),
		children: spaceRoutes(spaces.account, AccountPage),
	},
];

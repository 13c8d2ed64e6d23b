import type { RouteDefinition, RoutePreloadFunc } from "@solidjs/router";
import { type Component, lazy } from "solid-js";
import { AccountLayout } from "./layouts/account-layout.tsx";
import { AdminLayout } from "./layouts/admin-layout.tsx";
import { OrganizerLayout } from "./layouts/organizer-layout.tsx";
import { ProLayout } from "./layouts/pro-layout.tsx";
import { PublicLayout } from "./layouts/public-layout.tsx";
import { withFavoritesSync } from "./layouts/with-favorites-sync.tsx";
import { getBibSearch } from "./lib/queries/bib-search.ts";
import { getCreditBalance } from "./lib/queries/credit-balance.ts";
import { eventPhotosInput, getEventPhotos, isPhotoFilter } from "./lib/queries/event-photos.ts";
import { galleryPhotosInput, getGalleryPhotos } from "./lib/queries/gallery-photos.ts";
import { getMyEvents } from "./lib/queries/my-events.ts";
import { getMyOrders, getOrderByToken } from "./lib/queries/orders.ts";
import { getPaymentConfig } from "./lib/queries/payment-config.ts";
import { getPublicEvent } from "./lib/queries/public-event.ts";
import { getPublicEvents, publicEventsListPage, recentEventsInput } from "./lib/queries/public-events.ts";
import { slugPattern } from "./lib/shop/shop-paths.ts";
import { type SpaceDefinition, spaces } from "./lib/spaces.ts";
import type { SectionRouteInfo } from "./pages/coming-soon-page.tsx";

/** Pages use named exports (no default exports in this repo), so pick the one to lazy-load. */
function page<M>(load: () => Promise<M>, pick: (module: M) => Component): Component {
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

/** The grid's first page with the filter in the address, as EventPhotosPage asks for it. */
const preloadEventPhotos: RoutePreloadFunc = ({ params, location }) => {
	getMyEvents().catch(() => undefined);
	const eventId = params.eventId;
	// A malformed id is answered by the page (not found) without asking the server.
	if (!eventId || !/^[0-9a-f-]{36}$/i.test(eventId)) return;
	const status = new URLSearchParams(location.search).get("status");
	const input = eventPhotosInput(eventId, isPhotoFilter(status) ? status : "all");
	getEventPhotos(input).catch(() => undefined);
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

/** One route per section of lib/spaces.ts (the events section also has its event pages), plus the space's own 404. */
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
					{ path: `${path}/:eventId`, component: EventPhotosPage, preload: preloadEventPhotos, info },
					{ path: `${path}/:eventId/upload`, component: UploadPage, preload: preloadUpload, info },
				];
			case "upload":
				return [{ path, component: UploadPage, preload: preloadUpload, info }];
			case "favorites":
				return [{ path, component: FavoritesPage, info }];
			case "orders":
				return [{ path, component: AccountOrdersPage, preload: preloadMyOrders, info }];
			case "downloads":
				return [{ path, component: AccountDownloadsPage, preload: preloadMyOrders, info }];
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
		children: spaceRoutes(spaces.organizer, OrganizerDashboardPage, preloadCreditBalance),
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

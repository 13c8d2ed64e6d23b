import { router } from "../trpc/init.ts";
import { accountRouter } from "./account/router.ts";
import { aiSettingsRouter } from "./ai-settings/router.ts";
import { authRouter } from "./auth/router.ts";
import { cartRouter } from "./cart/router.ts";
import { creditsRouter } from "./credits/router.ts";
import { eventsRouter } from "./events/router.ts";
import { favoritesRouter } from "./favorites/router.ts";
import { galleryRouter } from "./gallery/router.ts";
import { ordersRouter } from "./orders/router.ts";
import { payoutsRouter } from "./payouts/router.ts";
import { photosRouter } from "./photos/router.ts";
import { pricePacksRouter } from "./price-packs/router.ts";
import { searchRouter } from "./search/router.ts";
import { startListsRouter } from "./start-lists/router.ts";
import { statsRouter } from "./stats/router.ts";
import { teamsRouter } from "./teams/router.ts";
import { uploadsRouter } from "./uploads/router.ts";
import { usersRouter } from "./users/router.ts";

export const appRouter = router({
	account: accountRouter,
	aiSettings: aiSettingsRouter,
	auth: authRouter,
	cart: cartRouter,
	credits: creditsRouter,
	events: eventsRouter,
	favorites: favoritesRouter,
	gallery: galleryRouter,
	orders: ordersRouter,
	payouts: payoutsRouter,
	photos: photosRouter,
	pricePacks: pricePacksRouter,
	search: searchRouter,
	startLists: startListsRouter,
	stats: statsRouter,
	teams: teamsRouter,
	uploads: uploadsRouter,
	users: usersRouter,
});

export type AppRouter = typeof appRouter;

import { router } from "../trpc/init.ts";
import { authRouter } from "./auth/router.ts";
import { creditsRouter } from "./credits/router.ts";
import { usersRouter } from "./users/router.ts";

export const appRouter = router({
	auth: authRouter,
	credits: creditsRouter,
	users: usersRouter,
});

export type AppRouter = typeof appRouter;

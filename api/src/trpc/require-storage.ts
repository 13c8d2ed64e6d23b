import type { Storage } from "@focus-racer/core";
import type { TrpcContext } from "./context.ts";

/** Media procedures need the storage; an app built without one (auth-only tests) is a wiring bug. */
export function requireStorage(ctx: TrpcContext): Storage {
	if (!ctx.deps.storage) throw new Error("this app was built without storage (AppDeps.storage)");
	return ctx.deps.storage;
}

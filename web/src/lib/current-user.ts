import { type Accessor, createContext, useContext } from "solid-js";
import type { User } from "./trpc.ts";

/** Provided by a space's RoleGuard: pages inside a space always have a signed-in user. */
export const CurrentUserContext = createContext<Accessor<User>>();

export function useCurrentUser(): Accessor<User> {
	const user = useContext(CurrentUserContext);
	if (!user) throw new Error("useCurrentUser must be used inside a signed-in space");
	return user;
}

import type { RouteSectionProps } from "@solidjs/router";
import type { Component, JSX } from "solid-js";
import { useFavorites } from "../lib/shop/favorites.ts";

/**
 * A layout that also keeps favorites in step with the session: mounted on the pages a visitor
 * logs in from and lands on, so a guest's saved photos join their account at login, whatever
 * page comes next (PRODUCT §4), not only once a gallery is opened.
 */
export function withFavoritesSync(Layout: Component<RouteSectionProps>): Component<RouteSectionProps> {
	return (props): JSX.Element => {
		useFavorites();
		return <Layout {...props} />;
	};
}

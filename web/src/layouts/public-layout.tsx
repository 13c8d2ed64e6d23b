import type { RouteSectionProps } from "@solidjs/router";
import type { JSX } from "solid-js";
import { SiteFooter } from "../components/site-footer.tsx";
import { SiteHeader } from "../components/site-header.tsx";
import { PageOutlet } from "./page-outlet.tsx";
import { SkipLink } from "./skip-link.tsx";

/** The public site: home, search, login/register, 404. Open to everyone. */
export function PublicLayout(props: RouteSectionProps): JSX.Element {
	return (
		<div class="flex min-h-screen flex-col bg-white">
			<SkipLink />
			<SiteHeader />
			<main id="main" class="flex flex-1 flex-col">
				<PageOutlet>{props.children}</PageOutlet>
			</main>
			<SiteFooter />
		</div>
	);
}

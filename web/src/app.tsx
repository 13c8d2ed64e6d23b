import { MetaProvider, Title } from "@solidjs/meta";
import { Router, type RouteSectionProps } from "@solidjs/router";
import { type JSX, Suspense } from "solid-js";
import { RoutingBar } from "./components/routing-bar.tsx";
import { PageLoader } from "./components/spinner.tsx";
import { I18nProvider } from "./i18n/index.tsx";
import { SessionProvider } from "./lib/session.ts";
import { routes } from "./routes.ts";

function Root(props: RouteSectionProps): JSX.Element {
	return (
		<>
			{/* Fallback tab title; a page's own <PageTitle> overrides it while mounted. */}
			<Title>Focus Racer</Title>
			<RoutingBar />
			<Suspense fallback={<PageLoader />}>{props.children}</Suspense>
		</>
	);
}

export function App(): JSX.Element {
	return (
		<MetaProvider>
			<I18nProvider>
				<SessionProvider>
					<Router root={Root}>{routes}</Router>
				</SessionProvider>
			</I18nProvider>
		</MetaProvider>
	);
}

import { ErrorBoundary, type JSX, Suspense } from "solid-js";
import { RouteError } from "../components/route-error.tsx";
import { PageLoader } from "../components/spinner.tsx";

/** Where a layout renders its page: a lazy page shows a loader, a crashing one an error panel. */
export function PageOutlet(props: { children?: JSX.Element }): JSX.Element {
	return (
		<ErrorBoundary fallback={(error, reset) => <RouteError error={error} reset={reset} />}>
			<Suspense fallback={<PageLoader />}>{props.children}</Suspense>
		</ErrorBoundary>
	);
}

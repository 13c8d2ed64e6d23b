import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { SearchX, TriangleAlert } from "lucide-solid";
import { type Accessor, ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PageLoader } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { getPublicEvent } from "../../lib/queries/public-event.ts";
import { accentStyle, eventAccent } from "../../lib/shop/event-accent.ts";
import { eventCart } from "../../lib/shop/event-cart.ts";
import { slugPattern } from "../../lib/shop/shop-paths.ts";
import type { PublicEvent } from "../../lib/shop/shop-types.ts";
import { isApiError } from "../../lib/trpc.ts";
import { ShopEventContext } from "./shop-event-context.ts";

/**
 * What the event page, its cart and its checkout share: the event loaded by slug (one keyed
 * query), its accent colour, its cart, and the "race not found" and "could not load" states.
 */
export function EventShell(props: {
	searchedBib?: Accessor<string | undefined>;
	fallback?: JSX.Element;
	children: (event: Accessor<PublicEvent>) => JSX.Element;
}): JSX.Element {
	const params = useParams<{ slug: string }>();
	const valid = () => slugPattern.test(params.slug ?? "");
	return (
		<Show when={valid()} fallback={<EventNotFound />}>
			<ErrorBoundary
				fallback={(error, reset) =>
					isApiError(error) && (error.data?.code === "NOT_FOUND" || error.data?.code === "BAD_REQUEST") ? (
						<EventNotFound />
					) : (
						<EventLoadError reset={reset} />
					)
				}
			>
				<Suspense fallback={props.fallback ?? <PageLoader />}>
					<Loaded slug={params.slug} searchedBib={props.searchedBib}>
						{props.children}
					</Loaded>
				</Suspense>
			</ErrorBoundary>
		</Show>
	);
}

function Loaded(props: {
	slug: string;
	searchedBib?: Accessor<string | undefined>;
	children: (event: Accessor<PublicEvent>) => JSX.Element;
}): JSX.Element {
	const event = createAsync(() => getPublicEvent(props.slug));
	return (
		<Show when={event()}>
			{(current) => (
				<ShopEventContext.Provider
					value={{
						event: current,
						cart: () => eventCart(current().id),
						favoriteEvent: () => ({ id: current().id, slug: current().slug, name: current().name }),
						searchedBib: () => props.searchedBib?.(),
					}}
				>
					<div
						class="flex flex-1 flex-col bg-ink-50"
						style={accentStyle(eventAccent(current().primaryColor))}
					>
						{props.children(current)}
					</div>
				</ShopEventContext.Provider>
			)}
		</Show>
	);
}

function EventNotFound(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mx-auto w-full max-w-xl px-4 py-16">
			<PageTitle>{t("event.notFoundTitle")}</PageTitle>
			<EmptyState icon={SearchX} title={t("event.notFoundTitle")} text={t("event.notFoundText")}>
				<A href="/events" class="btn-primary">
					{t("event.allRaces")}
				</A>
			</EmptyState>
		</div>
	);
}

function EventLoadError(props: { reset: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mx-auto w-full max-w-xl px-4 py-16">
			<EmptyState icon={TriangleAlert} title={t("event.loadError")} text={t("errors.generic")}>
				<button
					type="button"
					class="btn-primary"
					onClick={() => {
						void revalidate(getPublicEvent.key);
						props.reset();
					}}
				>
					{t("common.retry")}
				</button>
			</EmptyState>
		</div>
	);
}

import { A, createAsync } from "@solidjs/router";
import { ArrowRight } from "lucide-solid";
import { ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js";
import { PublicEventCard, PublicEventCardSkeletons } from "../../components/public-event-card.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { getPublicEvents, recentEventsInput } from "../../lib/queries/public-events.ts";
import { eventPath } from "../../lib/shop/shop-paths.ts";

/** The latest public races, straight to their galleries. Hidden when none is online yet. */
export function RecentEventsSection(): JSX.Element {
	// A failed list is not worth an error on the home page: the section just stays away.
	return (
		<ErrorBoundary fallback={null}>
			<Suspense fallback={<Frame loading />}>
				<Loaded />
			</Suspense>
		</ErrorBoundary>
	);
}

function Loaded(): JSX.Element {
	const recent = createAsync(() => getPublicEvents(recentEventsInput));
	return (
		<Show when={recent()?.events.length}>
			<Frame>
				<For each={recent()?.events.slice(0, 6)}>
					{(event) => (
						<li>
							<PublicEventCard event={event} href={eventPath(event.slug)} />
						</li>
					)}
				</For>
			</Frame>
		</Show>
	);
}

function Frame(props: { loading?: boolean; children?: JSX.Element }): JSX.Element {
	const { t } = useI18n();
	return (
		<section id="recent-events" class="scroll-mt-20 bg-ink-50 py-16 sm:py-20" aria-labelledby="recent-title">
			<div class="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
				<div class="flex flex-wrap items-end justify-between gap-4">
					<div class="max-w-2xl">
						<h2 id="recent-title" class="text-3xl font-extrabold text-ink-900 sm:text-4xl">
							{t("home.recentTitle")}
						</h2>
						<p class="mt-3 text-lg text-ink-600">{t("home.recentText")}</p>
					</div>
					<A href="/events" class="btn-secondary">
						{t("home.recentAll")}
						<ArrowRight class="size-4" aria-hidden="true" />
					</A>
				</div>
				<ul class="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="recent-events">
					{props.loading ? <PublicEventCardSkeletons count={3} /> : props.children}
				</ul>
			</div>
		</section>
	);
}

import { useSearchParams } from "@solidjs/router";
import { Images } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { BibSearchForm } from "../components/bib-search-form.tsx";
import { EmptyState } from "../components/empty-state.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useI18n } from "../i18n/index.tsx";

/** Public events and gallery search: a placeholder until the public-gallery issue lands. */
export function EventsPage(): JSX.Element {
	const { t } = useI18n();
	const [searchParams] = useSearchParams();
	const query = () => (typeof searchParams.q === "string" ? searchParams.q.trim() : "");
	return (
		<div class="flex-1 bg-ink-50">
			<PageTitle>{t("events.metaTitle")}</PageTitle>
			<div class="mx-auto max-w-4xl px-4 py-12 sm:px-6 sm:py-16 lg:px-8">
				<h1 class="text-3xl font-extrabold text-ink-900 sm:text-4xl">{t("events.title")}</h1>
				<p class="mt-3 text-lg text-ink-600">{t("events.text")}</p>
				<div class="mt-8">
					<BibSearchForm initial={query()} />
				</div>
				<Show when={query()}>
					{(q) => <p class="mt-6 text-sm font-medium text-ink-700">{t("events.searchingFor", q())}</p>}
				</Show>
				<div class="mt-8">
					<EmptyState
						icon={Images}
						badge={t("comingSoon.badge")}
						title={t("events.emptyTitle")}
						text={t("events.emptyText")}
					/>
				</div>
			</div>
		</div>
	);
}

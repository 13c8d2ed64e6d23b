import { ArrowLeft } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** Above search results: what they are, the way back to all photos, and the result's actions. */
export function ResultsHeader(props: {
	title: string;
	subtitle?: string;
	onBack: () => void;
	children?: JSX.Element;
}): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
			<div class="min-w-0">
				<button
					type="button"
					onClick={() => props.onBack()}
					class="-ml-1 inline-flex min-h-9 items-center gap-1.5 rounded-md px-1 text-sm font-medium text-ink-600 hover:text-ink-900"
					data-testid="back-to-all"
				>
					<ArrowLeft class="size-4" aria-hidden="true" />
					{t("search.backToAll")}
				</button>
				<h2
					class="mt-1 text-xl font-extrabold text-ink-900 sm:text-2xl"
					aria-live="polite"
					data-testid="results-title"
				>
					{props.title}
				</h2>
				<Show when={props.subtitle}>{(text) => <p class="mt-0.5 text-sm text-ink-600">{text()}</p>}</Show>
			</div>
			<Show when={props.children}>
				<div class="flex shrink-0 flex-wrap gap-2">{props.children}</div>
			</Show>
		</div>
	);
}

import { useLocation } from "@solidjs/router";
import { TriangleAlert } from "lucide-solid";
import { createEffect, type JSX, on } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

/** ErrorBoundary fallback for a page: says so plainly and offers a retry (no stack traces). */
export function RouteError(props: { error: unknown; reset: () => void }): JSX.Element {
	const { t } = useI18n();
	const location = useLocation();
	// The boundary wraps the layout's outlet: leaving the broken page must clear the error.
	createEffect(
		on(
			() => location.pathname,
			() => props.reset(),
			{ defer: true },
		),
	);
	// Logged for whoever opens the console; the visitor gets a sentence.
	console.error(props.error);
	return (
		<div class="card mx-auto my-10 flex max-w-lg flex-col items-center px-6 py-10 text-center" role="alert">
			<TriangleAlert class="mb-4 size-10 text-amber-500" aria-hidden="true" />
			<p class="text-lg font-semibold text-ink-900">{t("errors.pageFailed")}</p>
			<p class="mt-1 text-ink-600">{t("errors.generic")}</p>
			<button type="button" class="btn-primary mt-6" onClick={() => props.reset()}>
				{t("common.retry")}
			</button>
		</div>
	);
}

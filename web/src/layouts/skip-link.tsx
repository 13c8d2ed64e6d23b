import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

/** First focusable element: keyboard users jump over the header straight to the page. */
export function SkipLink(): JSX.Element {
	const { t } = useI18n();
	return (
		<a
			href="#main"
			class="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-ink-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
		>
			{t("common.skipToContent")}
		</a>
	);
}

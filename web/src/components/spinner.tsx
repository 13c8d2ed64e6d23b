import { LoaderCircle } from "lucide-solid";
import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

export function Spinner(props: { class?: string }): JSX.Element {
	return <LoaderCircle class={`animate-spin ${props.class ?? "size-5"}`} aria-hidden="true" />;
}

/** Fills the content area while a page or the session loads. */
export function PageLoader(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="flex min-h-[40vh] items-center justify-center gap-3 text-ink-500" role="status">
			<Spinner class="size-6 text-brand-600" />
			<span>{t("common.loading")}</span>
		</div>
	);
}

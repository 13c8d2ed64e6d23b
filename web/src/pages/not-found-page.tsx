import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { PageTitle } from "../components/page-title.tsx";
import { useI18n } from "../i18n/index.tsx";

/** Any unknown path (the `*404` catch-all of each layout). */
export function NotFoundPage(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="flex flex-1 items-center justify-center px-4 py-24">
			<PageTitle>{t("notFound.metaTitle")}</PageTitle>
			<div class="text-center">
				<p class="font-display text-8xl font-black tracking-tighter text-brand-500 sm:text-9xl">
					{t("notFound.code")}
				</p>
				<h1 class="mt-4 text-2xl font-extrabold text-ink-900 sm:text-3xl">{t("notFound.title")}</h1>
				<p class="mt-3 text-ink-600">{t("notFound.text")}</p>
				<A href="/" class="btn-primary btn-lg mt-8">
					{t("common.backHome")}
				</A>
			</div>
		</div>
	);
}

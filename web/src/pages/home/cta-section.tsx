import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

export function CtaSection(): JSX.Element {
	const { t } = useI18n();
	return (
		<section class="bg-white px-4 py-20 sm:px-6 lg:px-8">
			<div class="relative mx-auto max-w-7xl overflow-hidden rounded-3xl bg-linear-to-br from-brand-700 via-brand-600 to-brand-500 px-6 py-14 text-center sm:px-12">
				<div class="track-lines pointer-events-none absolute inset-0" aria-hidden="true" />
				<h2 class="relative mx-auto max-w-2xl text-3xl font-extrabold text-balance text-white sm:text-4xl">
					{t("home.ctaTitle")}
				</h2>
				<p class="relative mx-auto mt-4 max-w-xl text-lg text-white/90">{t("home.ctaText")}</p>
				<div class="relative mt-8 flex flex-wrap justify-center gap-3">
					<A href="/events" class="btn btn-lg bg-white text-ink-900 shadow-sm hover:bg-ink-50">
						{t("home.ctaRunner")}
					</A>
					<A href="/register?role=photographer" class="btn btn-lg bg-ink-900 text-white hover:bg-ink-800">
						{t("home.ctaPro")}
					</A>
				</div>
			</div>
		</section>
	);
}

import { Hash, ScanFace, UserRound } from "lucide-solid";
import type { JSX } from "solid-js";
import { BibSearchForm } from "../../components/bib-search-form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { LiveGalleryPreview } from "./live-gallery-preview.tsx";

export function HeroSection(): JSX.Element {
	const { t } = useI18n();
	const chip =
		"inline-flex items-center gap-1.5 rounded-full bg-white/10 px-3 py-1 text-sm font-medium text-white";
	return (
		<section class="track-lines relative overflow-hidden bg-ink-900 text-white">
			{/* The orange glow is the finish-line floodlight of the page. */}
			<div
				class="pointer-events-none absolute top-10 -right-48 size-[32rem] rounded-full bg-brand-500/25 blur-[120px]"
				aria-hidden="true"
			/>
			<div class="relative mx-auto grid max-w-7xl items-center gap-14 px-4 py-16 sm:px-6 sm:py-20 lg:grid-cols-[1.25fr_1fr] lg:px-8 lg:py-28">
				<div>
					<p class="mb-5 inline-flex items-center gap-2 rounded-full bg-brand-500/15 px-3 py-1 text-sm font-semibold text-brand-300 ring-1 ring-brand-500/30">
						<span class="size-1.5 rounded-full bg-brand-400" aria-hidden="true" />
						{t("home.eyebrow")}
					</p>
					<h1 class="text-4xl leading-[1.05] font-extrabold text-balance sm:text-5xl lg:text-6xl">
						{t("home.heroTitle")}
					</h1>
					<p class="mt-6 max-w-xl text-lg text-pretty text-ink-200">{t("home.heroText")}</p>
					<div class="mt-9 max-w-xl">
						<BibSearchForm tone="dark" />
					</div>
					<div class="mt-5 flex flex-wrap items-center gap-2">
						<span class="text-sm text-ink-300">{t("home.methodsLabel")}</span>
						<span class={chip}>
							<Hash class="size-4 text-brand-400" aria-hidden="true" />
							{t("home.methodBib")}
						</span>
						<span class={chip}>
							<UserRound class="size-4 text-brand-400" aria-hidden="true" />
							{t("home.methodName")}
						</span>
						<span class={chip}>
							<ScanFace class="size-4 text-brand-400" aria-hidden="true" />
							{t("home.methodSelfie")}
						</span>
					</div>
				</div>
				<div class="hidden sm:block">
					<LiveGalleryPreview />
				</div>
			</div>
		</section>
	);
}

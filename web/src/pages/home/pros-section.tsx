import { A } from "@solidjs/router";
import { ArrowRight, CreditCard, ScanText, Users, Zap } from "lucide-solid";
import { For, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";

const features = [
	{ icon: ScanText, title: "home.prosFeature1Title", text: "home.prosFeature1Text" },
	{ icon: Zap, title: "home.prosFeature2Title", text: "home.prosFeature2Text" },
	{ icon: CreditCard, title: "home.prosFeature3Title", text: "home.prosFeature3Text" },
	{ icon: Users, title: "home.prosFeature4Title", text: "home.prosFeature4Text" },
] as const;

export function ProsSection(): JSX.Element {
	const { t } = useI18n();
	return (
		<section id="pros" class="scroll-mt-20 bg-ink-50 py-20 sm:py-24">
			<div class="mx-auto grid max-w-7xl gap-14 px-4 sm:px-6 lg:grid-cols-[1fr_1.2fr] lg:px-8">
				<div class="lg:py-6">
					<p class="text-sm font-bold tracking-wide text-brand-600 uppercase">{t("home.prosEyebrow")}</p>
					<h2 class="mt-3 text-3xl font-extrabold text-ink-900 sm:text-4xl">{t("home.prosTitle")}</h2>
					<p class="mt-5 text-lg text-ink-600">{t("home.prosText")}</p>
					<p class="mt-6 inline-flex rounded-lg bg-white px-4 py-3 text-sm font-semibold text-ink-800 ring-1 ring-ink-100">
						{t("home.prosPricing")}
					</p>
					<div class="mt-8 flex flex-wrap gap-3">
						<A href="/register?role=photographer" class="btn-primary btn-lg">
							{t("home.prosCta")}
							<ArrowRight class="size-4" aria-hidden="true" />
						</A>
						<A href="/register?role=organizer" class="btn-secondary btn-lg">
							{t("home.organizersCta")}
						</A>
					</div>
				</div>
				<ul class="grid gap-5 sm:grid-cols-2">
					<For each={features}>
						{(feature) => (
							<li class="card flex gap-4 p-6 sm:block">
								<span class="flex size-11 shrink-0 items-center justify-center rounded-xl bg-ink-900 text-brand-400">
									<Dynamic component={feature.icon} class="size-5" aria-hidden="true" />
								</span>
								<div>
									<h3 class="text-lg font-bold text-ink-900 sm:mt-5">{t(feature.title)}</h3>
									<p class="mt-2 text-ink-600">{t(feature.text)}</p>
								</div>
							</li>
						)}
					</For>
				</ul>
			</div>
		</section>
	);
}

import { Download, Images, Search } from "lucide-solid";
import { For, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";

const steps = [
	{ icon: Search, title: "home.step1Title", text: "home.step1Text" },
	{ icon: Images, title: "home.step2Title", text: "home.step2Text" },
	{ icon: Download, title: "home.step3Title", text: "home.step3Text" },
] as const;

export function HowItWorksSection(): JSX.Element {
	const { t } = useI18n();
	return (
		<section id="how-it-works" class="scroll-mt-20 bg-white py-20 sm:py-24">
			<div class="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
				<div class="mx-auto max-w-2xl text-center">
					<h2 class="text-3xl font-extrabold text-ink-900 sm:text-4xl">{t("home.howTitle")}</h2>
					<p class="mt-4 text-lg text-ink-600">{t("home.howText")}</p>
				</div>
				<ol class="mt-14 grid gap-6 md:grid-cols-3">
					<For each={steps}>
						{(step, index) => (
							<li class="card relative p-7">
								<div class="flex items-center gap-4">
									<span class="flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
										<Dynamic component={step.icon} class="size-6" aria-hidden="true" />
									</span>
									<span class="font-display text-5xl font-black text-ink-100" aria-hidden="true">
										{String(index() + 1).padStart(2, "0")}
									</span>
								</div>
								<h3 class="mt-6 text-xl font-bold text-ink-900">{t(step.title)}</h3>
								<p class="mt-2 text-ink-600">{t(step.text)}</p>
							</li>
						)}
					</For>
				</ol>
			</div>
		</section>
	);
}

import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { Logo } from "./logo.tsx";

export function SiteFooter(): JSX.Element {
	const { t } = useI18n();
	const linkClass = "text-sm text-ink-300 hover:text-white";
	return (
		<footer class="bg-ink-900 text-ink-200">
			<div class="mx-auto grid max-w-7xl gap-10 px-4 py-14 sm:px-6 md:grid-cols-2 lg:grid-cols-5 lg:px-8">
				<div class="lg:col-span-2">
					<Logo tone="dark" />
					<p class="mt-4 max-w-sm text-sm text-ink-300">{t("footer.tagline")}</p>
					<div class="mt-6">
						<LanguageSwitcher tone="dark" />
					</div>
				</div>
				<div>
					<h2 class="text-sm font-semibold text-white">{t("footer.runners")}</h2>
					<ul class="mt-4 space-y-3">
						<li>
							<A href="/events" class={linkClass}>
								{t("nav.findPhotos")}
							</A>
						</li>
						<li>
							<A href="/#how-it-works" class={linkClass}>
								{t("nav.howItWorks")}
							</A>
						</li>
						<li>
							<A href="/register" class={linkClass}>
								{t("nav.register")}
							</A>
						</li>
					</ul>
				</div>
				<div>
					<h2 class="text-sm font-semibold text-white">{t("footer.pros")}</h2>
					<ul class="mt-4 space-y-3">
						<li>
							<A href="/#pros" class={linkClass}>
								{t("nav.forPros")}
							</A>
						</li>
						<li>
							<A href="/register?role=photographer" class={linkClass}>
								{t("home.prosCta")}
							</A>
						</li>
						<li>
							<A href="/pro" class={linkClass}>
								{t("footer.proSpace")}
							</A>
						</li>
						<li>
							<A href="/organizer" class={linkClass}>
								{t("footer.organizerSpace")}
							</A>
						</li>
					</ul>
				</div>
				<div>
					<h2 class="text-sm font-semibold text-white">{t("footer.project")}</h2>
					<ul class="mt-4 space-y-3 text-sm text-ink-300">
						<li>{t("footer.openSource")}</li>
						<li>{t("footer.madeFor")}</li>
					</ul>
				</div>
			</div>
			<div class="border-t border-white/10">
				<p class="mx-auto max-w-7xl px-4 py-6 text-xs text-ink-400 sm:px-6 lg:px-8">
					{t("footer.rights", new Date().getFullYear())}
				</p>
			</div>
		</footer>
	);
}

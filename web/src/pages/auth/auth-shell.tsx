import { Camera, ScanFace, ShieldCheck } from "lucide-solid";
import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** Login and register share one frame: the form card, and on wide screens a reminder of the product. */
export function AuthShell(props: { title: string; subtitle: string; children: JSX.Element }): JSX.Element {
	const { t } = useI18n();
	const point = "flex items-start gap-3 text-ink-200";
	return (
		<div class="flex flex-1 bg-ink-50">
			<div class="mx-auto grid w-full max-w-6xl items-center gap-10 px-4 py-10 sm:px-6 sm:py-16 lg:grid-cols-2 lg:px-8">
				<div class="card mx-auto w-full max-w-md p-6 sm:p-8">
					<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{props.title}</h1>
					<p class="mt-2 text-ink-600">{props.subtitle}</p>
					<div class="mt-7">{props.children}</div>
				</div>
				<aside class="track-lines relative hidden overflow-hidden rounded-3xl bg-ink-900 p-10 lg:block">
					<div
						class="pointer-events-none absolute -right-24 -bottom-24 size-80 rounded-full bg-brand-500/30 blur-3xl"
						aria-hidden="true"
					/>
					<p class="relative font-display text-3xl leading-tight font-extrabold text-white">
						{t("home.heroTitle")}
					</p>
					<ul class="relative mt-8 space-y-4">
						<li class={point}>
							<ScanFace class="mt-0.5 size-5 shrink-0 text-brand-400" aria-hidden="true" />
							{t("home.step1Text")}
						</li>
						<li class={point}>
							<Camera class="mt-0.5 size-5 shrink-0 text-brand-400" aria-hidden="true" />
							{t("home.prosFeature1Text")}
						</li>
						<li class={point}>
							<ShieldCheck class="mt-0.5 size-5 shrink-0 text-brand-400" aria-hidden="true" />
							{t("home.step3Text")}
						</li>
					</ul>
				</aside>
			</div>
		</div>
	);
}

import { A } from "@solidjs/router";
import { ArrowRight } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";
import { type SpaceDefinition, sectionPath, visibleSections } from "../../lib/spaces.ts";
import type { Role } from "../../lib/trpc.ts";

/** The space's sections as cards: the map of what this space does (or will soon do). */
export function SectionGrid(props: { space: SpaceDefinition; role: Role; title: string }): JSX.Element {
	const { t } = useI18n();
	const sections = () => visibleSections(props.space, props.role).filter((s) => s.kind !== "landing");
	return (
		<section aria-labelledby="sections-title">
			<h2 id="sections-title" class="text-lg font-bold text-ink-900">
				{props.title}
			</h2>
			<ul class="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
				<For each={sections()}>
					{(section) => (
						<li>
							<A
								href={sectionPath(props.space, section)}
								class="card group flex h-full items-start gap-4 p-5 transition hover:-translate-y-0.5 hover:border-brand-200 hover:shadow-md sm:flex-col sm:items-stretch sm:gap-0"
							>
								{/* A row on phones (icon beside the text), a tile from `sm` up. */}
								<div class="flex shrink-0 items-center justify-between">
									<span class="flex size-10 items-center justify-center rounded-lg bg-ink-900 text-brand-400">
										<Dynamic component={section.icon} class="size-5" aria-hidden="true" />
									</span>
									<Show when={section.kind === "placeholder"}>
										<span class="hidden rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800 sm:inline">
											{t("common.comingSoon")}
										</span>
									</Show>
								</div>
								<div class="min-w-0 flex-1 sm:mt-4">
									<h3 class="flex items-center gap-1.5 font-bold text-ink-900">
										{t(`sections.${section.section}.title`)}
										<ArrowRight
											class="size-4 shrink-0 text-ink-400 transition group-hover:translate-x-0.5 group-hover:text-brand-600"
											aria-hidden="true"
										/>
										<Show when={section.kind === "placeholder"}>
											<span class="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800 sm:hidden">
												{t("common.comingSoon")}
											</span>
										</Show>
									</h3>
									<p class="mt-1 text-sm text-ink-600">{t(`sections.${section.section}.description`)}</p>
								</div>
							</A>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}

import { A } from "@solidjs/router";
import { ArrowLeft } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { CreditBalanceChip } from "../components/credit-balance-chip.tsx";
import { LanguageSwitcher } from "../components/language-switcher.tsx";
import { Logo } from "../components/logo.tsx";
import { LogoutButton } from "../components/logout-button.tsx";
import { UserAvatar } from "../components/user-avatar.tsx";
import { useI18n } from "../i18n/index.tsx";
import { CurrentSpaceContext } from "../lib/current-space.ts";
import { creditRoles, hasRole } from "../lib/roles.ts";
import { type SpaceDefinition, sectionPath, spacePaths, visibleSections } from "../lib/spaces.ts";
import { PageOutlet } from "./page-outlet.tsx";
import { RoleGuard } from "./role-guard.tsx";
import { SkipLink } from "./skip-link.tsx";

/**
 * Shell of a signed-in space: a dark top bar (who is logged in, their credits in the spaces that
 * spend them, language, logout) and the space's own section nav — a sidebar on large screens, a
 * scrollable row of tabs on phones.
 */
export function SpaceLayout(props: { space: SpaceDefinition; children?: JSX.Element }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="min-h-screen bg-ink-50">
			<SkipLink />
			<RoleGuard roles={props.space.roles}>
				{(user) => (
					<>
						<header class="sticky top-0 z-40 bg-ink-900 text-white">
							<div class="mx-auto flex h-16 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6 lg:px-8">
								<Logo tone="dark" />
								<span class="hidden rounded-full bg-white/10 px-3 py-1 text-xs font-semibold text-ink-100 sm:inline">
									{t(`spaces.${props.space.id}`)}
								</span>
								<div class="ml-auto flex items-center gap-1.5 sm:gap-3">
									<Show
										when={
											hasRole(user().role, creditRoles) &&
											props.space.sections.some((s) => s.kind === "credits")
										}
									>
										<CreditBalanceChip href={spacePaths(props.space).credits} />
									</Show>
									<LanguageSwitcher tone="dark" />
									<div class="hidden items-center gap-2.5 lg:flex">
										<UserAvatar name={user().name} />
										<div class="leading-tight">
											<p class="max-w-48 truncate text-sm font-semibold">{user().name}</p>
											<p class="text-xs text-ink-300">{t(`roles.${user().role}`)}</p>
										</div>
									</div>
									<LogoutButton
										compact
										class="btn px-2 text-ink-100 hover:bg-white/10 hover:text-white sm:px-3"
									/>
								</div>
							</div>
						</header>
						<div class="mx-auto max-w-7xl px-4 sm:px-6 lg:flex lg:gap-8 lg:px-8 lg:py-8">
							<aside class="-mx-4 border-b border-ink-100 bg-white sm:-mx-6 lg:mx-0 lg:w-60 lg:shrink-0 lg:border-0 lg:bg-transparent">
								<nav aria-label={t("nav.spaceNavLabel")} class="lg:sticky lg:top-24">
									<ul class="flex gap-1 overflow-x-auto px-4 py-2 sm:px-6 lg:flex-col lg:overflow-visible lg:p-0">
										<For each={visibleSections(props.space, user().role)}>
											{(section) => (
												<li class="shrink-0">
													<A
														href={sectionPath(props.space, section)}
														end={section.slug === ""}
														class="flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors"
														activeClass="bg-white text-brand-700 shadow-sm ring-1 ring-ink-100 lg:bg-white"
														inactiveClass="text-ink-600 hover:bg-white/70 hover:text-ink-900"
													>
														<Dynamic component={section.icon} class="size-4 shrink-0" aria-hidden="true" />
														{t(`sections.${section.section}.title`)}
													</A>
												</li>
											)}
										</For>
									</ul>
									<A
										href="/"
										class="mt-6 hidden items-center gap-2 px-3 text-sm font-medium text-ink-500 hover:text-ink-900 lg:flex"
									>
										<ArrowLeft class="size-4" aria-hidden="true" />
										{t("nav.publicSite")}
									</A>
								</nav>
							</aside>
							<main id="main" class="min-w-0 flex-1 py-6 lg:py-0">
								<CurrentSpaceContext.Provider value={props.space}>
									<PageOutlet>{props.children}</PageOutlet>
								</CurrentSpaceContext.Provider>
							</main>
						</div>
					</>
				)}
			</RoleGuard>
		</div>
	);
}

import { A, useLocation } from "@solidjs/router";
import { Menu, X } from "lucide-solid";
import { createEffect, createSignal, For, type JSX, on, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { landingFor } from "../lib/roles.ts";
import { useSession } from "../lib/session.ts";
import { AccountMenu } from "./account-menu.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { Logo } from "./logo.tsx";
import { LogoutButton } from "./logout-button.tsx";

const links = [
	{ href: "/events", key: "nav.findPhotos" },
	{ href: "/#how-it-works", key: "nav.howItWorks" },
	{ href: "/#pros", key: "nav.forPros" },
] as const;

/** Public site header; below `md` the links and account actions fold into a menu panel. */
export function SiteHeader(): JSX.Element {
	const { t } = useI18n();
	const session = useSession();
	const location = useLocation();
	const [open, setOpen] = createSignal(false);
	// Following a link closes the mobile menu.
	createEffect(
		on(
			() => location.pathname + location.hash,
			() => setOpen(false),
			{ defer: true },
		),
	);

	return (
		<header class="sticky top-0 z-40 border-b border-ink-100 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
			<div class="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
				<Logo />
				<nav aria-label={t("nav.mainLabel")} class="hidden md:block">
					<ul class="flex items-center gap-1">
						<For each={links}>
							{(link) => (
								<li>
									<A
										href={link.href}
										class="rounded-lg px-3 py-2 text-sm font-medium text-ink-600 hover:bg-ink-50 hover:text-ink-900"
									>
										{t(link.key)}
									</A>
								</li>
							)}
						</For>
					</ul>
				</nav>
				<div class="ml-auto hidden items-center gap-3 md:flex">
					<LanguageSwitcher />
					{/* Nothing until the session is known (no flash of "Log in" for a signed-in
					    visitor); if it cannot be checked, offer to log in. */}
					<Show when={session.user() !== undefined || session.error()}>
						<Show
							when={session.user()}
							fallback={
								<>
									<A href="/login" class="btn-ghost">
										{t("nav.login")}
									</A>
									<A href="/register" class="btn-primary">
										{t("nav.register")}
									</A>
								</>
							}
						>
							{(user) => <AccountMenu user={user()} />}
						</Show>
					</Show>
				</div>
				<button
					type="button"
					class="btn-ghost ml-auto px-3 md:hidden"
					aria-expanded={open()}
					aria-controls="mobile-menu"
					onClick={() => setOpen((v) => !v)}
				>
					<Show when={open()} fallback={<Menu class="size-5" aria-hidden="true" />}>
						<X class="size-5" aria-hidden="true" />
					</Show>
					{open() ? t("nav.closeMenu") : t("nav.openMenu")}
				</button>
			</div>
			{/* Rendered only while open; the desktop actions come first in the DOM, so on a wide
			    screen the first logout button found is the visible one. */}
			<Show when={open()}>
				<div id="mobile-menu" class="border-t border-ink-100 bg-white px-4 pt-3 pb-5 shadow-lg md:hidden">
					<nav aria-label={t("nav.mainLabel")}>
						<ul class="flex flex-col">
							<For each={links}>
								{(link) => (
									<li>
										<A
											href={link.href}
											class="block rounded-lg px-3 py-3 text-base font-medium text-ink-800 hover:bg-ink-50"
										>
											{t(link.key)}
										</A>
									</li>
								)}
							</For>
						</ul>
					</nav>
					<div class="mt-3 flex items-center justify-between border-t border-ink-100 pt-4">
						<LanguageSwitcher />
						<Show when={session.user() !== undefined || session.error()}>
							<Show
								when={session.user()}
								fallback={
									<div class="flex gap-2">
										<A href="/login" class="btn-secondary">
											{t("nav.login")}
										</A>
										<A href="/register" class="btn-primary">
											{t("nav.register")}
										</A>
									</div>
								}
							>
								{(user) => (
									<div class="flex gap-2">
										<A href={landingFor(user().role)} class="btn-secondary">
											{t("nav.mySpace")}
										</A>
										<LogoutButton class="btn-ghost" />
									</div>
								)}
							</Show>
						</Show>
					</div>
				</div>
			</Show>
		</header>
	);
}

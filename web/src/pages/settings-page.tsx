import type { JSX } from "solid-js";
import { ChangePasswordForm } from "../components/change-password-form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { ProfileForm } from "../components/profile-form.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useCurrentUser } from "../lib/current-user.ts";

/** Profile and password inside the pro, organizer and admin spaces (runners have /account). */
export function SettingsPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	return (
		<div>
			<PageTitle>{t("sections.settings.title")}</PageTitle>
			<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{t("sections.settings.title")}</h1>
			<p class="mt-2 text-ink-600">{t("sections.settings.description")}</p>
			<div class="mt-8 grid gap-6 lg:grid-cols-2">
				<ProfileForm user={user()} />
				<ChangePasswordForm />
			</div>
		</div>
	);
}

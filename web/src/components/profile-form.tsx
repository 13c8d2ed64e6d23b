import { createResource, createSignal, For, type JSX, Show } from "solid-js";
import { type Locale, locales, useI18n } from "../i18n/index.tsx";
import { apiErrorMessage } from "../lib/api-error-message.ts";
import { useSession } from "../lib/session.ts";
import { trpc, type User } from "../lib/trpc.ts";
import { Alert } from "./alert.tsx";
import { RoleBadge } from "./role-badge.tsx";
import { SelectField } from "./select-field.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { TextField } from "./text-field.tsx";
import { UserAvatar } from "./user-avatar.tsx";

/**
 * The account's name, phone and language (emails go to it in that language). The email and
 * the role are shown, not edited: they change through other paths. A saved language also
 * switches the page's.
 */
export function ProfileForm(props: { user: User }): JSX.Element {
	const { t, setLocale } = useI18n();
	const session = useSession();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [saved, setSaved] = createSignal(false);
	// The phone is not part of the session's user: read it, so saving never wipes it unseen.
	const [stored] = createResource(() => trpc.account.profile.query());
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const phone = String(form.get("phone") ?? "").trim();
		const chosen = String(form.get("locale"));
		const locale: Locale = (locales as readonly string[]).includes(chosen) ? (chosen as Locale) : "fr";
		setPending(true);
		setError(undefined);
		setSaved(false);
		try {
			const row = await trpc.account.updateProfile.mutate({
				name: String(form.get("name") ?? "").trim(),
				phone: phone === "" ? null : phone,
				locale,
			});
			if (row) session.signedIn({ ...props.user, name: row.name, locale: row.locale });
			setLocale(locale);
			setSaved(true);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	return (
		<section class="card p-6" aria-labelledby="profile-title">
			<div class="flex items-center gap-4">
				<UserAvatar name={props.user.name} class="size-14 text-lg" />
				<div class="min-w-0">
					<h2 id="profile-title" class="truncate text-lg font-bold text-ink-900">
						{t("account.profileTitle")}
					</h2>
					<RoleBadge role={props.user.role} />
				</div>
			</div>
			<form class="mt-6 space-y-5" onSubmit={submit} data-testid="profile-form">
				<TextField
					label={t("account.nameLabel")}
					name="name"
					required
					maxLength={120}
					autocomplete="name"
					value={props.user.name}
				/>
				<div>
					<p class="mb-1.5 text-sm font-semibold text-ink-800">{t("account.emailLabel")}</p>
					<p class="text-sm break-all text-ink-900" data-testid="account-email">
						{props.user.email}
					</p>
				</div>
				<TextField
					label={t("account.phoneLabel")}
					name="phone"
					type="tel"
					inputmode="tel"
					autocomplete="tel"
					maxLength={40}
					value={stored()?.phone ?? ""}
					hint={t("account.phoneHint")}
				/>
				<SelectField label={t("account.localeLabel")} name="locale" hint={t("account.localeHint")}>
					<For each={locales}>
						{(code) => (
							<option value={code} selected={props.user.locale === code}>
								{t(`language.${code}`)}
							</option>
						)}
					</For>
				</SelectField>
				<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<Show when={saved()}>
					<Alert tone="success">{t("account.profileSaved")}</Alert>
				</Show>
				<SubmitButton
					class="btn-primary"
					pending={pending()}
					label={t("account.profileSave")}
					pendingLabel={t("eventSettings.saving")}
				/>
			</form>
		</section>
	);
}

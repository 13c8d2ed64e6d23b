import { Trash2 } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { ConfirmPanel } from "../../components/confirm-panel.tsx";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { trpc } from "../../lib/trpc.ts";

/** Asks for the account's deletion, after a confirmation, with an optional word for the administrator. */
export function DeleteAccountCard(props: {
	pendingRequest: boolean;
	onRequested: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const [confirming, setConfirming] = createSignal(false);
	const [message, setMessage] = createSignal("");
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [done, setDone] = createSignal<"sent" | "already">();
	const request = async () => {
		setPending(true);
		setError(undefined);
		try {
			const text = message().trim();
			const { alreadyRequested } = await trpc.account.requestDeletion.mutate(text ? { message: text } : {});
			setDone(alreadyRequested ? "already" : "sent");
			setConfirming(false);
			await props.onRequested();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	return (
		<section class="card border-red-200 p-5 sm:p-6" aria-labelledby="delete-account-title">
			<h2 id="delete-account-title" class="flex items-center gap-2 text-lg font-bold text-red-800">
				<Trash2 class="size-5" aria-hidden="true" />
				{t("privacy.deleteTitle")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t("privacy.deleteText")}</p>
			<div class="mt-5 space-y-4">
				<Show when={done()}>
					{(outcome) => (
						<Alert tone="success">
							<span data-testid="deletion-requested">
								{outcome() === "sent" ? t("privacy.deleteSent") : t("privacy.deleteAlready")}
							</span>
						</Alert>
					)}
				</Show>
				<Show when={!done() && props.pendingRequest}>
					<Alert tone="info">{t("privacy.deleteAlready")}</Alert>
				</Show>
				<Show when={error()}>{(text) => <Alert tone="error">{text()}</Alert>}</Show>
				<Show
					when={confirming()}
					fallback={
						<Show when={!done() && !props.pendingRequest}>
							<button
								type="button"
								class="btn border border-red-200 bg-white text-red-700 hover:bg-red-50"
								onClick={() => setConfirming(true)}
								data-testid="gdpr-delete"
							>
								{t("privacy.deleteAsk")}
							</button>
						</Show>
					}
				>
					<ConfirmPanel
						question={t("privacy.deleteConfirm")}
						confirmLabel={t("privacy.deleteYes")}
						pendingLabel={t("privacy.deleteSending")}
						cancelLabel={t("common.cancel")}
						pending={pending()}
						onConfirm={() => void request()}
						onCancel={() => setConfirming(false)}
					>
						<TextAreaField
							class="mt-3"
							label={t("privacy.deleteMessage")}
							name="message"
							rows={3}
							maxLength={2000}
							value={message()}
							onInput={(e) => setMessage(e.currentTarget.value)}
						/>
					</ConfirmPanel>
				</Show>
			</div>
		</section>
	);
}

import { Plus } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { trpc } from "../../lib/trpc.ts";
import { PackFields, readPackFields } from "./pack-fields.tsx";

/** A new pack, added last; the form comes back empty for the next one. */
export function NewPackForm(props: {
	eventId: string;
	onCreated: (name: string) => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [formKey, setFormKey] = createSignal(0);

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const fields = readPackFields(new FormData(event.currentTarget), t);
		if (typeof fields === "string") return setError(fields);
		setPending(true);
		setError(undefined);
		try {
			await trpc.pricePacks.create.mutate({ eventId: props.eventId, ...fields });
			await props.onCreated(fields.name);
			setFormKey((k) => k + 1);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};

	return (
		<section class="card p-5 sm:p-6" aria-labelledby="new-pack-title">
			<h3 id="new-pack-title" class="flex items-center gap-2 font-bold text-ink-900">
				<Plus class="size-4 text-brand-600" aria-hidden="true" />
				{t("packs.addTitle")}
			</h3>
			<Show keyed when={formKey() + 1}>
				<form class="mt-4 space-y-4" onSubmit={submit} novalidate data-testid="new-pack-form">
					<PackFields />
					<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
					<SubmitButton
						class="btn-primary"
						pending={pending()}
						label={t("packs.add")}
						pendingLabel={t("packs.adding")}
					/>
				</form>
			</Show>
		</section>
	);
}

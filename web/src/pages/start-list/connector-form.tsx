import { RefreshCw, Save } from "lucide-solid";
import { createSignal, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type {
	ConnectorFieldMapping,
	ConnectorProvider,
	StartListSource,
	SyncResult,
} from "../../lib/pro/pro-types.ts";
import { isApiError, trpc } from "../../lib/trpc.ts";
import { SyncStatus } from "./sync-status.tsx";

const mappingKeys = [
	"listPath",
	"bib",
	"firstName",
	"lastName",
	"email",
	"category",
	"club",
] as const satisfies readonly (keyof ConnectorFieldMapping)[];

/**
 * One registration platform's settings for this event, and its sync. Keys are write-only: the
 * server never sends them back, so the field stays empty and says when one is saved; leaving it
 * empty keeps the saved key.
 */
export function ConnectorForm(props: {
	eventId: string;
	provider: ConnectorProvider;
	source: StartListSource | undefined;
	onChanged: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const [saving, setSaving] = createSignal(false);
	const [syncing, setSyncing] = createSignal(false);
	const [message, setMessage] = createSignal<{ tone: "success" | "error"; text: string }>();
	const [synced, setSynced] = createSignal<SyncResult>();
	const needsSecret = () => props.provider === "runsignup";
	const id = (name: string) => `${props.provider}-${name}`;

	const save: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const text = (name: string) => String(form.get(name) ?? "").trim();
		const fieldMapping: ConnectorFieldMapping = {};
		for (const key of mappingKeys) {
			const value = text(`map-${key}`);
			if (value) fieldMapping[key] = value;
		}
		setSaving(true);
		setMessage(undefined);
		try {
			await trpc.startLists.saveSource.mutate({
				eventId: props.eventId,
				provider: props.provider,
				externalEventId: text("externalEventId"),
				// Omitted keys keep the saved ones; the other settings are sent as they stand.
				...(text("apiKey") ? { apiKey: text("apiKey") } : {}),
				...(needsSecret() && text("apiSecret") ? { apiSecret: text("apiSecret") } : {}),
				baseUrl: text("baseUrl") || null,
				fieldMapping: Object.keys(fieldMapping).length > 0 ? fieldMapping : null,
			});
			event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=password]").forEach((input) => {
				input.value = "";
			});
			setMessage({ tone: "success", text: t("startList.connectorSaved") });
			await props.onChanged();
		} catch (err) {
			setMessage({ tone: "error", text: apiErrorMessage(err, t) });
		} finally {
			setSaving(false);
		}
	};

	const sync = async () => {
		setSyncing(true);
		setMessage(undefined);
		setSynced(undefined);
		try {
			setSynced(await trpc.startLists.sync.mutate({ eventId: props.eventId, provider: props.provider }));
		} catch (err) {
			// The platform's refusal is kept on the source: the status above says it, once.
			const refused = isApiError(err) && err.data?.code === "BAD_REQUEST";
			setMessage({ tone: "error", text: refused ? t("startList.syncFailedAbove") : apiErrorMessage(err, t) });
		} finally {
			setSyncing(false);
			await props.onChanged();
		}
	};

	return (
		<div class="space-y-5">
			<SyncStatus source={props.source} />
			<form class="space-y-4" onSubmit={save}>
				<TextField
					id={id("event-id")}
					label={t(`startList.connectorEventId.${props.provider}`)}
					name="externalEventId"
					required
					maxLength={200}
					value={props.source?.externalEventId ?? ""}
					hint={t(`startList.connectorEventIdHint.${props.provider}`)}
					autocomplete="off"
				/>
				<div class="grid gap-4 sm:grid-cols-2">
					<TextField
						id={id("api-key")}
						label={t("startList.apiKey")}
						name="apiKey"
						type="password"
						autocomplete="off"
						maxLength={500}
						required={!props.source?.hasApiKey}
						placeholder={props.source?.hasApiKey ? t("startList.keySavedPlaceholder") : ""}
						hint={props.source?.hasApiKey ? t("startList.keySaved") : t("startList.keyHint")}
					/>
					<Show when={needsSecret()}>
						<TextField
							id={id("api-secret")}
							label={t("startList.apiSecret")}
							name="apiSecret"
							type="password"
							autocomplete="off"
							maxLength={500}
							required={!props.source?.hasApiSecret}
							placeholder={props.source?.hasApiSecret ? t("startList.keySavedPlaceholder") : ""}
							hint={props.source?.hasApiSecret ? t("startList.secretSaved") : t("startList.keyHint")}
						/>
					</Show>
				</div>
				<details class="group rounded-xl border border-ink-100 p-4">
					<summary class="cursor-pointer text-sm font-semibold text-ink-800">
						{t("startList.advanced")}
					</summary>
					<div class="mt-4 space-y-4">
						<TextField
							id={id("base-url")}
							label={t("startList.baseUrl")}
							name="baseUrl"
							type="url"
							inputmode="url"
							maxLength={300}
							value={props.source?.baseUrl ?? ""}
							placeholder="https://"
							hint={t("startList.baseUrlHint")}
						/>
						<div>
							<p class="text-sm font-semibold text-ink-800">{t("startList.fieldMapping")}</p>
							<p class="mt-0.5 text-xs text-ink-500">{t("startList.fieldMappingHint")}</p>
							<div class="mt-3 grid gap-3 sm:grid-cols-2">
								<For each={mappingKeys}>
									{(key) => (
										<TextField
											id={id(`map-${key}`)}
											label={t(`startList.mappingKeys.${key}`)}
											name={`map-${key}`}
											maxLength={200}
											value={props.source?.fieldMapping?.[key] ?? ""}
											placeholder={t("startList.presetDefault")}
											autocomplete="off"
											spellcheck={false}
										/>
									)}
								</For>
							</div>
						</div>
					</div>
				</details>
				<Show when={message()}>{(m) => <Alert tone={m().tone}>{m().text}</Alert>}</Show>
				<Show when={synced()}>
					{(done) => (
						<Alert tone="success">
							<p class="font-semibold">{t("startList.resultSummary", done().created, done().updated)}</p>
							<p class="mt-0.5">{t("startList.resultLinked", done().linkedPhotos)}</p>
							<Show when={done().skipped.length + done().warnings.length > 0}>
								<p class="mt-0.5">
									{t("startList.resultIssues", done().skipped.length, done().warnings.length)}
								</p>
							</Show>
						</Alert>
					)}
				</Show>
				<div class="flex flex-wrap gap-2">
					<button type="submit" class="btn-secondary" disabled={saving() || syncing()}>
						<Show when={saving()} fallback={<Save class="size-4" aria-hidden="true" />}>
							<Spinner class="size-4" />
						</Show>
						{saving() ? t("eventSettings.saving") : t("startList.saveConnector")}
					</button>
					<button
						type="button"
						class="btn-primary"
						disabled={!props.source?.externalEventId || saving() || syncing()}
						onClick={() => void sync()}
					>
						<Show when={syncing()} fallback={<RefreshCw class="size-4" aria-hidden="true" />}>
							<Spinner class="size-4" />
						</Show>
						{syncing() ? t("startList.syncing") : t("startList.sync")}
					</button>
				</div>
			</form>
		</div>
	);
}

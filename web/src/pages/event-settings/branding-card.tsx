import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ManagedEventDetails, UpdateEventInput } from "../../lib/pro/pro-types.ts";
import { BrandingImageField } from "./branding-image-field.tsx";
import { BrandingPreview } from "./branding-preview.tsx";
import { ColorField } from "./color-field.tsx";
import { createSaveState } from "./save-state.ts";
import { SettingsCard } from "./settings-card.tsx";

/** The event page's colours, poster and logo, with a preview of the page's cover. */
export function BrandingCard(props: {
	event: ManagedEventDetails;
	onSave: (fields: Omit<UpdateEventInput, "eventId">) => Promise<unknown>;
	onImageChanged: () => void;
}): JSX.Element {
	const { t } = useI18n();
	const state = createSaveState(t);
	const [primary, setPrimary] = createSignal(props.event.primaryColor);
	const [secondary, setSecondary] = createSignal(props.event.secondaryColor);
	const [posterUrl, setPosterUrl] = createSignal(props.event.posterUrl);
	const [logoUrl, setLogoUrl] = createSignal(props.event.logoUrl);
	const changed = () => primary() !== props.event.primaryColor || secondary() !== props.event.secondaryColor;
	return (
		<SettingsCard
			id="branding"
			title={t("eventSettings.brandingTitle")}
			text={t("eventSettings.brandingText")}
		>
			<div class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
				<div class="space-y-6">
					<div class="grid gap-5 sm:grid-cols-2">
						<ColorField
							label={t("eventSettings.primaryColor")}
							hint={t("eventSettings.primaryHint")}
							value={primary()}
							fallback="#d63d0a"
							onChange={setPrimary}
						/>
						<ColorField
							label={t("eventSettings.secondaryColor")}
							hint={t("eventSettings.secondaryHint")}
							value={secondary()}
							fallback="#0b1220"
							onChange={setSecondary}
						/>
					</div>
					<div class="flex flex-wrap items-center gap-3">
						<button
							type="button"
							class="btn-primary"
							disabled={state.pending() || !changed()}
							onClick={() =>
								void state.run(() => props.onSave({ primaryColor: primary(), secondaryColor: secondary() }))
							}
						>
							<Show when={state.pending()}>
								<Spinner class="size-4" />
							</Show>
							{state.pending() ? t("eventSettings.saving") : t("eventSettings.saveColors")}
						</button>
						<Show when={state.saved() && !changed()}>
							<span class="text-sm font-medium text-emerald-700" role="status">
								{t("eventSettings.saved")}
							</span>
						</Show>
					</div>
					<Show when={state.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
					<div class="grid gap-6 border-t border-ink-100 pt-6 md:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
						<BrandingImageField
							eventId={props.event.id}
							kind="poster"
							url={posterUrl()}
							onChanged={(url) => {
								setPosterUrl(url);
								props.onImageChanged();
							}}
						/>
						<BrandingImageField
							eventId={props.event.id}
							kind="logo"
							url={logoUrl()}
							onChanged={(url) => {
								setLogoUrl(url);
								props.onImageChanged();
							}}
						/>
					</div>
				</div>
				<div>
					<p class="mb-2 text-sm font-semibold text-ink-800">{t("eventSettings.previewTitle")}</p>
					<BrandingPreview
						name={props.event.name}
						primary={primary()}
						secondary={secondary()}
						posterUrl={posterUrl()}
						logoUrl={logoUrl()}
					/>
				</div>
			</div>
		</SettingsCard>
	);
}

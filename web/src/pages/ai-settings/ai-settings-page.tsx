import { createAsync } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { getAiSettings } from "../../lib/queries/ai-settings.ts";
import { AiSettingsForm } from "./ai-settings-form.tsx";

/** The admin's AI settings (PRODUCT §6): provider, bib and face thresholds, read by the workers. */
export function AiSettingsPage(): JSX.Element {
	const { t } = useI18n();
	const view = createAsync(() => getAiSettings());
	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.ai.title")} text={t("aiSettings.intro")} />
			<Show when={view()}>{(current) => <AiSettingsForm view={current()} />}</Show>
		</div>
	);
}

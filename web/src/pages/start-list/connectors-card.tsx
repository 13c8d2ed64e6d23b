import { ChevronDown, PlugZap } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { ConnectorProvider, StartListSources } from "../../lib/pro/pro-types.ts";
import type { Audience } from "../../lib/pro/wording.ts";
import { ConnectorForm } from "./connector-form.tsx";

/** Platform names are brands: the same in every language. */
const providers: ReadonlyArray<{ provider: ConnectorProvider; label: string }> = [
	{ provider: "njuko", label: "Njuko" },
	{ provider: "kms", label: "KMS" },
	{ provider: "runsignup", label: "RunSignup" },
];

/** The registration platforms the start list can be fetched from, one folding panel each. */
export function ConnectorsCard(props: {
	eventId: string;
	audience: Audience;
	sources: StartListSources;
	onChanged: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const sourceOf = (provider: ConnectorProvider) =>
		props.sources.sources.find((s) => s.provider === provider);
	return (
		<section class="card p-5 sm:p-6" aria-labelledby="connectors-title">
			<h2 id="connectors-title" class="flex items-center gap-2 text-lg font-bold text-ink-900">
				<PlugZap class="size-5 text-brand-600" aria-hidden="true" />
				{t("startList.connectorsTitle")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t(`startList.connectorsText.${props.audience}`)}</p>
			<ul class="mt-5 space-y-3">
				<For each={providers}>
					{({ provider, label }) => (
						<li>
							<details
								class="group rounded-xl border border-ink-100 open:border-ink-200 open:shadow-sm"
								data-testid={`connector-${provider}`}
							>
								<summary class="flex cursor-pointer list-none items-center gap-3 px-4 py-3 [&::-webkit-details-marker]:hidden">
									<span class="font-bold text-ink-900">{label}</span>
									<Show
										when={sourceOf(provider)?.externalEventId}
										fallback={
											<span class="text-xs font-medium text-ink-500">{t("startList.notConfigured")}</span>
										}
									>
										<span class="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset">
											{t("startList.configured")}
										</span>
									</Show>
									<ChevronDown
										class="ml-auto size-4 text-ink-400 transition-transform group-open:rotate-180"
										aria-hidden="true"
									/>
								</summary>
								<div class="border-t border-ink-100 px-4 py-4">
									<ConnectorForm
										eventId={props.eventId}
										provider={provider}
										source={sourceOf(provider)}
										onChanged={props.onChanged}
									/>
								</div>
							</details>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}

import { A } from "@solidjs/router";
import { For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** First steps of a new pro, in order; each leads to the section that will do it. */
export function GettingStartedCard(props: {
	steps: ReadonlyArray<{ label: string; href: string }>;
}): JSX.Element {
	const { t } = useI18n();
	return (
		<section class="card p-6" aria-labelledby="getting-started-title">
			<h2 id="getting-started-title" class="text-sm font-semibold text-ink-500">
				{t("dashboard.gettingStartedTitle")}
			</h2>
			<ol class="mt-4 space-y-3">
				<For each={props.steps}>
					{(step, index) => (
						<li>
							<A
								href={step.href}
								class="group flex items-center gap-3 rounded-lg text-ink-800 hover:text-brand-700"
							>
								<span class="flex size-7 shrink-0 items-center justify-center rounded-full border-2 border-ink-200 text-xs font-bold text-ink-500 group-hover:border-brand-500 group-hover:text-brand-600">
									{index() + 1}
								</span>
								<span class="font-medium">{step.label}</span>
							</A>
						</li>
					)}
				</For>
			</ol>
		</section>
	);
}

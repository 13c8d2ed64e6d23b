import { Lightbulb } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/**
 * Company while photos process (PRODUCT.md §3): a sports fact that changes at every 10 % of
 * the import's progress, starting from a random one so two imports do not tell the same story.
 */
export function FunFact(props: { progress: number }): JSX.Element {
	const { t } = useI18n();
	const facts = () => t("upload.funFacts");
	const start = Math.floor(Math.random() * 1000);
	const fact = () => {
		const list = facts();
		return list[(start + Math.floor(props.progress * 10)) % list.length] ?? "";
	};
	return (
		<aside
			class="card flex gap-4 overflow-hidden bg-ink-900 p-5 text-white track-lines"
			aria-labelledby="fun-fact-title"
		>
			<span class="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-500/15 text-brand-400">
				<Lightbulb class="size-5" aria-hidden="true" />
			</span>
			<div class="min-w-0">
				<h2 id="fun-fact-title" class="text-sm font-bold text-brand-300">
					{t("upload.funFactTitle")}
				</h2>
				<Show when={fact()} keyed>
					{(text) => (
						<p class="mt-1 motion-safe:animate-[fact-in_400ms_ease-out] text-sm leading-relaxed text-ink-100">
							{text}
						</p>
					)}
				</Show>
			</div>
		</aside>
	);
}

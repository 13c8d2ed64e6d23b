import { createSignal, createUniqueId, type JSX, Show } from "solid-js";
import { TextField } from "../../components/text-field.tsx";
import { type Translate, useI18n } from "../../i18n/index.tsx";
import { eurosInputValue, parseEuros } from "../../lib/pro/price-input.ts";
import type { ManagedPack } from "../../lib/pro/pro-types.ts";

export interface PackValues {
	name: string;
	priceCents: number;
	photoCount: number | null;
}

/** The pack's fields from its form, or the first thing wrong with them (in words). */
export function readPackFields(form: FormData, t: Translate): PackValues | string {
	const name = String(form.get("name") ?? "").trim();
	const priceCents = parseEuros(String(form.get("price") ?? ""));
	const all = form.get("kind") === "all";
	const count = Number(form.get("photoCount"));
	if (!name) return t("packs.nameRequired");
	if (priceCents === undefined) return t("packs.priceInvalid");
	if (priceCents > 100_000) return t("packs.priceTooHigh");
	if (!all && !(Number.isInteger(count) && count >= 1 && count <= 10_000)) return t("packs.countInvalid");
	return { name, priceCents, photoCount: all ? null : count };
}

/**
 * Name, price in euros (typed with a comma or a dot, stored in cents) and what the pack holds:
 * a number of photos, or every photo of one runner.
 */
export function PackFields(props: {
	initial?: Pick<ManagedPack, "name" | "priceCents" | "photoCount">;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const id = createUniqueId();
	const [all, setAll] = createSignal(props.initial?.photoCount === null);
	return (
		<div class="grid gap-4 sm:grid-cols-[minmax(0,1fr)_9rem]">
			<TextField
				id={`pack-name-${id}`}
				label={t("packs.name")}
				name="name"
				required
				maxLength={60}
				value={props.initial?.name ?? ""}
				placeholder={t("packs.namePlaceholder")}
				autocomplete="off"
			/>
			<TextField
				id={`pack-price-${id}`}
				label={t("packs.price")}
				name="price"
				required
				inputmode="decimal"
				autocomplete="off"
				value={props.initial ? eurosInputValue(props.initial.priceCents, intlLocale()) : ""}
				placeholder={eurosInputValue(1500, intlLocale())}
				trailing={<span class="pr-2 text-sm font-semibold text-ink-500">€</span>}
			/>
			<fieldset class="sm:col-span-2">
				<legend class="mb-1.5 text-sm font-semibold text-ink-800">{t("packs.contents")}</legend>
				<div class="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-6">
					<label class="flex items-center gap-2 text-sm text-ink-800">
						<input
							type="radio"
							name="kind"
							value="count"
							checked={!all()}
							class="size-4 accent-brand-600"
							onChange={() => setAll(false)}
						/>
						<span>{t("packs.kindCount")}</span>
						<input
							type="number"
							name="photoCount"
							min={1}
							max={10_000}
							step={1}
							value={props.initial?.photoCount ?? 1}
							disabled={all()}
							aria-label={t("packs.photoCount")}
							class="field-input w-24 py-1.5 disabled:opacity-50"
						/>
					</label>
					<label class="flex items-center gap-2 text-sm text-ink-800">
						<input
							type="radio"
							name="kind"
							value="all"
							checked={all()}
							class="size-4 accent-brand-600"
							onChange={() => setAll(true)}
						/>
						{t("packs.kindAll")}
					</label>
				</div>
				<Show when={all()}>
					<p class="mt-1.5 text-xs text-ink-500">{t("packs.kindAllHint")}</p>
				</Show>
			</fieldset>
		</div>
	);
}

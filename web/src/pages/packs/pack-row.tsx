import { ArrowDown, ArrowUp, Pencil, Trash2 } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { ConfirmPanel } from "../../components/confirm-panel.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatPrice } from "../../lib/format-price.ts";
import type { ManagedPack } from "../../lib/pro/pro-types.ts";
import { packLabel } from "../../lib/shop/pack-label.ts";
import { trpc } from "../../lib/trpc.ts";
import { PackFields, readPackFields } from "./pack-fields.tsx";

/**
 * One pack: what runners see of it, and in place its edit form, its removal (a bought pack is
 * retired rather than deleted: receipts point at it) and its move up or down the list.
 */
export function PackRow(props: {
	pack: ManagedPack;
	first: boolean;
	last: boolean;
	moving: boolean;
	onMove: (direction: -1 | 1) => void;
	onChanged: (notice?: string) => Promise<unknown>;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const [editing, setEditing] = createSignal(false);
	const [confirming, setConfirming] = createSignal(false);
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();

	const save: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const fields = readPackFields(new FormData(event.currentTarget), t);
		if (typeof fields === "string") return setError(fields);
		setPending(true);
		setError(undefined);
		try {
			await trpc.pricePacks.update.mutate({ packId: props.pack.id, ...fields });
			await props.onChanged();
			setEditing(false);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	const remove = async () => {
		setPending(true);
		setError(undefined);
		try {
			const { deleted } = await trpc.pricePacks.remove.mutate({ packId: props.pack.id });
			setConfirming(false);
			await props.onChanged(
				deleted ? t("packs.deleted", props.pack.name) : t("packs.retired", props.pack.name),
			);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	const putBack = async () => {
		setPending(true);
		setError(undefined);
		try {
			await trpc.pricePacks.update.mutate({ packId: props.pack.id, isActive: true });
			await props.onChanged();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};

	return (
		<li class="p-4 sm:p-5" data-testid="pack-row" data-pack-id={props.pack.id}>
			<Show
				when={editing()}
				fallback={
					<div class="flex flex-wrap items-center gap-x-4 gap-y-3">
						<div class="min-w-0 flex-1">
							<p class="flex flex-wrap items-center gap-2 font-bold text-ink-900">
								<span data-testid="pack-name">{props.pack.name}</span>
								<Show when={!props.pack.isActive}>
									<span class="rounded-full bg-ink-100 px-2 py-0.5 text-xs font-semibold text-ink-700">
										{t("packs.retiredBadge")}
									</span>
								</Show>
							</p>
							<p class="mt-0.5 text-sm text-ink-600">{packLabel(props.pack, t)}</p>
						</div>
						<p class="text-lg font-extrabold text-ink-900 tabular-nums" data-testid="pack-price">
							{formatPrice(props.pack.priceCents, intlLocale())}
						</p>
						<div class="flex items-center gap-1">
							<button
								type="button"
								class="btn-ghost p-2"
								disabled={props.first || props.moving}
								aria-label={t("packs.moveUp", props.pack.name)}
								onClick={() => props.onMove(-1)}
							>
								<ArrowUp class="size-4" aria-hidden="true" />
							</button>
							<button
								type="button"
								class="btn-ghost p-2"
								disabled={props.last || props.moving}
								aria-label={t("packs.moveDown", props.pack.name)}
								onClick={() => props.onMove(1)}
							>
								<ArrowDown class="size-4" aria-hidden="true" />
							</button>
							<button
								type="button"
								class="btn-secondary px-3"
								onClick={() => {
									setConfirming(false);
									setError(undefined);
									setEditing(true);
								}}
								data-testid="pack-edit"
							>
								<Pencil class="size-4" aria-hidden="true" />
								<span class="sr-only sm:not-sr-only">{t("packs.edit")}</span>
							</button>
							<Show
								when={props.pack.isActive}
								fallback={
									<button type="button" class="btn-ghost" disabled={pending()} onClick={() => void putBack()}>
										{t("packs.putBack")}
									</button>
								}
							>
								<button
									type="button"
									class="btn-ghost p-2 text-red-700 hover:bg-red-50"
									aria-label={t("packs.remove", props.pack.name)}
									onClick={() => setConfirming(true)}
								>
									<Trash2 class="size-4" aria-hidden="true" />
								</button>
							</Show>
						</div>
					</div>
				}
			>
				<form class="space-y-4" onSubmit={save} novalidate>
					<PackFields initial={props.pack} />
					<div class="flex flex-wrap gap-2">
						<SubmitButton
							class="btn-primary"
							pending={pending()}
							label={t("packs.save")}
							pendingLabel={t("eventSettings.saving")}
						/>
						<button type="button" class="btn-ghost" disabled={pending()} onClick={() => setEditing(false)}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			</Show>
			<Show when={confirming()}>
				<div class="mt-3">
					<ConfirmPanel
						question={t("packs.removeConfirm", props.pack.name)}
						confirmLabel={t("packs.removeYes")}
						pendingLabel={t("packs.removing")}
						cancelLabel={t("common.cancel")}
						pending={pending()}
						onConfirm={() => void remove()}
						onCancel={() => setConfirming(false)}
					/>
				</div>
			</Show>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</li>
	);
}

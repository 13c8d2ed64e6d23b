import { createAsync, revalidate, useParams } from "@solidjs/router";
import { Tags } from "lucide-solid";
import { createSignal, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { getManagedEvent } from "../../lib/queries/managed-event.ts";
import { getPricePacks } from "../../lib/queries/price-packs.ts";
import { getPublicEvent } from "../../lib/queries/public-event.ts";
import { trpc } from "../../lib/trpc.ts";
import { NewPackForm } from "./new-pack-form.tsx";
import { PackRow } from "./pack-row.tsx";

/**
 * The event's price packs in the order runners see them (PRODUCT §2: "1 photo 5 €, 5 photos
 * 15 €, all my photos 25 €"), each editable in place, and a form to add one.
 */
export function PacksPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ eventId: string }>();
	const packs = createAsync(() => getPricePacks(params.eventId));
	const [notice, setNotice] = createSignal<string>();
	const [moving, setMoving] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const refresh = async (message?: string) => {
		setNotice(message);
		await revalidate([getPricePacks.key, getManagedEvent.key, getPublicEvent.key]);
	};
	const move = async (index: number, direction: -1 | 1) => {
		const ids = (packs() ?? []).map((p) => p.id);
		const other = index + direction;
		const a = ids[index];
		const b = ids[other];
		if (a === undefined || b === undefined) return;
		ids[index] = b;
		ids[other] = a;
		setMoving(true);
		setError(undefined);
		try {
			await trpc.pricePacks.reorder.mutate({ eventId: params.eventId, packIds: ids });
			await refresh();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setMoving(false);
		}
	};
	return (
		<div class="space-y-6">
			<PageTitle>{t("packs.title")}</PageTitle>
			<div>
				<h2 class="text-xl font-bold text-ink-900">{t("packs.title")}</h2>
				<p class="mt-1 text-sm text-ink-600">{t("packs.intro")}</p>
			</div>
			<Show when={notice()}>{(message) => <Alert tone="info">{message()}</Alert>}</Show>
			<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
			<Show
				when={(packs() ?? []).length > 0}
				fallback={<EmptyState icon={Tags} title={t("packs.emptyTitle")} text={t("packs.emptyText")} />}
			>
				<ol class="card divide-y divide-ink-100" aria-label={t("packs.listLabel")} data-testid="packs-list">
					<For each={packs()}>
						{(pack, index) => (
							<PackRow
								pack={pack}
								first={index() === 0}
								last={index() === (packs()?.length ?? 0) - 1}
								moving={moving()}
								onMove={(direction) => void move(index(), direction)}
								onChanged={refresh}
							/>
						)}
					</For>
				</ol>
			</Show>
			<NewPackForm eventId={params.eventId} onCreated={(name) => refresh(t("packs.added", name))} />
		</div>
	);
}

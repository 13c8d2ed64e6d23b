import { createAsync, revalidate, useParams } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import type { UpdateEventInput } from "../../lib/pro/pro-types.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getManagedEvent } from "../../lib/queries/managed-event.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { getPublicEvent } from "../../lib/queries/public-event.ts";
import { getStatsOverview } from "../../lib/queries/stats.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { trpc } from "../../lib/trpc.ts";
import { AddressCard } from "./address-card.tsx";
import { BrandingCard } from "./branding-card.tsx";
import { DeleteEventCard } from "./delete-event-card.tsx";
import { DetailsCard } from "./details-card.tsx";
import { VisibilityCard } from "./visibility-card.tsx";

/** Everything about an event but its photos: details, visibility, address, branding, deletion. */
export function EventSettingsPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ eventId: string }>();
	const space = useCurrentSpace();
	const audience = audienceOf(space);
	const event = createAsync(() => getManagedEvent(params.eventId));
	// What shows the event elsewhere (header, lists, its public page) is asked again after a change.
	const refresh = () =>
		revalidate([getManagedEvent.key, getMyEvents.key, getStatsOverview.key, getPublicEvent.key]);
	const save = async (fields: Omit<UpdateEventInput, "eventId">) => {
		await trpc.events.update.mutate({ eventId: params.eventId, ...fields });
		await refresh();
	};
	return (
		<Show when={event()}>
			{(current) => (
				<div class="space-y-6">
					<PageTitle>{`${t("eventNav.tabs.settings")} · ${current().name}`}</PageTitle>
					<h2 class="sr-only">{t("eventNav.tabs.settings")}</h2>
					<VisibilityCard value={current().visibility} onSave={(visibility) => save({ visibility })} />
					<DetailsCard event={current()} audience={audience} onSave={save} />
					<BrandingCard event={current()} onSave={save} onImageChanged={() => void refresh()} />
					<AddressCard event={current()} audience={audience} onSave={save} />
					<Show when={current().isOwner} fallback={<Alert tone="info">{t("eventSettings.notOwner")}</Alert>}>
						<DeleteEventCard
							event={current()}
							audience={audience}
							eventsPath={spacePaths(space).events}
							onDeleted={() => revalidate([getMyEvents.key, getStatsOverview.key])}
						/>
					</Show>
				</div>
			)}
		</Show>
	);
}

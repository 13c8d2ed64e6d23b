import { createAsync, revalidate } from "@solidjs/router";
import { Users } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import type { TeamKind } from "../../lib/pro/pro-types.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { getMyTeams } from "../../lib/queries/teams.ts";
import type { Role } from "../../lib/trpc.ts";
import { CreateTeamForm } from "./create-team-form.tsx";
import { TeamCard } from "./team-card.tsx";

const teamKinds = ["agency", "club", "federation"] as const satisfies readonly TeamKind[];
const isTeamKind = (role: Role): role is TeamKind => (teamKinds as readonly string[]).includes(role);

/**
 * Agencies, clubs and federations (PRODUCT §1): their team, its members' figures, invitations.
 * A photographer who joined a team sees it here too, without managing it.
 */
export function TeamsPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	const teams = createAsync(() => getMyTeams());
	// Members manage the team's events: the events list changes with the team.
	const refresh = () => revalidate([getMyTeams.key, getMyEvents.key]);
	const ownKind = (): TeamKind | undefined => {
		const role = user().role;
		return isTeamKind(role) ? role : undefined;
	};
	const ownsOne = () => (teams() ?? []).some((team) => team.myRole === "owner");
	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.team.title")} text={t("sections.team.description")} />
			<Show when={teams()}>
				{(list) => (
					<>
						<Show when={!ownsOne() && ownKind()}>
							{(kind) => <CreateTeamForm kind={kind()} onCreated={refresh} />}
						</Show>
						<Show
							when={list().length > 0}
							fallback={
								<Show when={!ownKind()}>
									<EmptyState icon={Users} title={t("teams.emptyTitle")} text={t("teams.emptyText")} />
								</Show>
							}
						>
							<For each={list()}>
								{(team) => <TeamCard team={team} myId={user().id} onChanged={refresh} />}
							</For>
						</Show>
					</>
				)}
			</Show>
		</div>
	);
}

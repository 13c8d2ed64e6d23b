import { Mail } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatDayTime } from "../../lib/format-day-time.ts";
import type { MyTeam } from "../../lib/pro/pro-types.ts";
import { InviteForm } from "./invite-form.tsx";
import { MembersTable } from "./members-table.tsx";

/** One team: its members and their figures, and for those who run it, invitations. */
export function TeamCard(props: {
	team: MyTeam;
	myId: string;
	onChanged: () => Promise<unknown>;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const canManage = () => props.team.myRole !== "member";
	return (
		<section class="card p-5 sm:p-6" aria-labelledby={`team-${props.team.id}`} data-testid="team-card">
			<div class="flex flex-wrap items-center gap-2">
				<h2 id={`team-${props.team.id}`} class="text-xl font-bold text-ink-900">
					{props.team.name}
				</h2>
				<span class="rounded-full bg-violet-50 px-2.5 py-0.5 text-xs font-semibold text-violet-800 ring-1 ring-violet-200 ring-inset">
					{t(`roles.${props.team.kind}`)}
				</span>
				<span class="text-sm text-ink-500">{t("teams.youAre", t(`teams.roles.${props.team.myRole}`))}</span>
			</div>
			<div class="mt-5">
				<MembersTable
					organisationId={props.team.id}
					members={props.team.members}
					canManage={canManage()}
					myId={props.myId}
					onRemoved={props.onChanged}
				/>
			</div>
			<Show when={canManage()}>
				<Show when={props.team.invites.length > 0}>
					<div class="mt-6">
						<h3 class="font-bold text-ink-900">{t("teams.pendingTitle")}</h3>
						<ul
							class="mt-2 divide-y divide-ink-100 rounded-xl border border-ink-100"
							data-testid="team-invites"
						>
							<For each={props.team.invites}>
								{(invite) => (
									<li class="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5 text-sm">
										<Mail class="size-4 text-ink-400" aria-hidden="true" />
										<span class="min-w-0 font-medium break-all text-ink-900">{invite.email}</span>
										<span class="text-ink-500">{t(`teams.roles.${invite.role}`)}</span>
										<span class="ml-auto text-xs text-ink-500">
											{t("teams.expires", formatDayTime(invite.expiresAt, intlLocale()))}
										</span>
									</li>
								)}
							</For>
						</ul>
					</div>
				</Show>
				<div class="mt-6 border-t border-ink-100 pt-6">
					<InviteForm organisationId={props.team.id} onInvited={props.onChanged} />
				</div>
			</Show>
		</section>
	);
}

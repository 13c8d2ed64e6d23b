import { UserMinus } from "lucide-solid";
import { createSignal, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { ConfirmPanel } from "../../components/confirm-panel.tsx";
import { UserAvatar } from "../../components/user-avatar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { TeamMember } from "../../lib/pro/pro-types.ts";
import { formatCount, formatRate } from "../../lib/pro/rates.ts";
import { trpc } from "../../lib/trpc.ts";

/** The team's people and what each did in its events: photos, ready, with a bib found. */
export function MembersTable(props: {
	organisationId: string;
	members: readonly TeamMember[];
	canManage: boolean;
	myId: string;
	onRemoved: () => Promise<unknown>;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const [confirming, setConfirming] = createSignal<TeamMember>();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const remove = async (member: TeamMember) => {
		setPending(true);
		setError(undefined);
		try {
			await trpc.teams.removeMember.mutate({ organisationId: props.organisationId, userId: member.userId });
			setConfirming(undefined);
			await props.onRemoved();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	const cell = "px-3 py-2.5 text-right tabular-nums";
	return (
		<div>
			{/* Relative: the screen-reader-only header inside is positioned, and must scroll with the table. */}
			<div class="relative -mx-5 overflow-x-auto sm:mx-0">
				<table class="min-w-full text-sm" data-testid="team-members">
					<thead class="border-b border-ink-100 text-xs text-ink-500 uppercase">
						<tr>
							<th scope="col" class="px-3 py-2 text-left font-semibold sm:pl-0">
								{t("teams.member")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold">
								{t("stats.photos")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold">
								{t("teams.ready")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold">
								{t("teams.withBib")}
							</th>
							<Show when={props.canManage}>
								<th scope="col" class="px-3 py-2 sm:pr-0">
									<span class="sr-only">{t("teams.actions")}</span>
								</th>
							</Show>
						</tr>
					</thead>
					<tbody class="divide-y divide-ink-100">
						<For each={props.members}>
							{(member) => (
								<tr>
									<td class="px-3 py-2.5 sm:pl-0">
										<div class="flex min-w-48 items-center gap-2.5">
											<UserAvatar name={member.name} />
											<div class="min-w-0">
												<p class="truncate font-semibold text-ink-900">{member.name}</p>
												<p class="truncate text-xs text-ink-500">
													{member.email} · {t(`teams.roles.${member.role}`)}
												</p>
											</div>
										</div>
									</td>
									<td class={cell}>{formatCount(member.photos, intlLocale())}</td>
									<td class={cell}>{formatCount(member.ready, intlLocale())}</td>
									<td class={cell}>
										{formatRate(member.ready > 0 ? member.withBib / member.ready : null, intlLocale())}
									</td>
									<Show when={props.canManage}>
										<td class="px-3 py-2.5 text-right sm:pr-0">
											<Show when={member.role !== "owner" && member.userId !== props.myId}>
												<button
													type="button"
													class="btn-ghost p-2 text-red-700 hover:bg-red-50"
													aria-label={t("teams.remove", member.name)}
													onClick={() => setConfirming(member)}
												>
													<UserMinus class="size-4" aria-hidden="true" />
												</button>
											</Show>
										</td>
									</Show>
								</tr>
							)}
						</For>
					</tbody>
				</table>
			</div>
			<Show when={confirming()}>
				{(member) => (
					<div class="mt-3">
						<ConfirmPanel
							question={t("teams.removeConfirm", member().name)}
							confirmLabel={t("teams.removeYes")}
							pendingLabel={t("teams.removing")}
							cancelLabel={t("common.cancel")}
							pending={pending()}
							onConfirm={() => void remove(member())}
							onCancel={() => setConfirming(undefined)}
						/>
					</div>
				)}
			</Show>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</div>
	);
}

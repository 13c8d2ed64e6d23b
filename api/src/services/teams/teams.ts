import {
	AppError,
	downloadTokenHash,
	generateDownloadToken,
	type Mailer,
	renderMail,
} from "@focus-racer/core";
import {
	type Db,
	events,
	memberships,
	organisationInvites,
	organisations,
	photoBibs,
	photos,
	users,
} from "@focus-racer/db";
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";

type User = { id: string; role: string; email: string; name: string };
type OrgKind = "agency" | "club" | "federation";

/** An invitation link stays valid a week. */
const inviteDays = 7;

/** Agencies, clubs and federations run a team of their own kind (admins may create any). */
export async function createOrganisation(db: Db, user: User, options: { name: string; kind: OrgKind }) {
	if (user.role !== "admin" && user.role !== options.kind) {
		throw new AppError("FORBIDDEN", "Only agency, club and federation accounts create teams of their kind.");
	}
	return db.transaction(async (tx) => {
		const [org] = await tx
			.insert(organisations)
			.values({ name: options.name, kind: options.kind, ownerId: user.id })
			.returning({ id: organisations.id });
		if (!org) throw new Error("organisation insert returned nothing");
		await tx.insert(memberships).values({ organisationId: org.id, userId: user.id, role: "owner" });
		return org;
	});
}

/** The user's role in the organisation; owners and managers run the team, members only upload. */
async function requireTeamManager(db: Db, user: User, organisationId: string): Promise<void> {
	if (user.role === "admin") {
		const [org] = await db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, organisationId));
		if (org) return;
	}
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, user.id)));
	if (!row) throw new AppError("NOT_FOUND", "Team not found.");
	if (row.role === "member")
		throw new AppError("FORBIDDEN", "Only the team's owner and managers can do this.");
}

/**
 * The teams the user belongs to, each with its members and what each member did in the team's
 * events: photos uploaded, ready, and read (a bib found).
 */
export async function listMyTeams(db: Db, user: User) {
	const mine = await db
		.select({
			id: organisations.id,
			name: organisations.name,
			kind: organisations.kind,
			myRole: memberships.role,
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, user.id))
		.orderBy(asc(organisations.name));
	if (mine.length === 0) return [];
	const ids = mine.map((o) => o.id);
	const members = await db
		.select({
			organisationId: memberships.organisationId,
			userId: users.id,
			name: users.name,
			email: users.email,
			role: memberships.role,
			joinedAt: memberships.joinedAt,
			photos: sql<number>`(select count(*)::int from ${photos} p join ${events} e on e.id = p.event_id
				where e.organisation_id = ${memberships.organisationId} and p.uploader_id = ${users.id})`,
			ready: sql<number>`(select count(*)::int from ${photos} p join ${events} e on e.id = p.event_id
				where e.organisation_id = ${memberships.organisationId} and p.uploader_id = ${users.id} and p.status = 'ready')`,
			withBib: sql<number>`(select count(*)::int from ${photos} p join ${events} e on e.id = p.event_id
				where e.organisation_id = ${memberships.organisationId} and p.uploader_id = ${users.id} and p.status = 'ready'
				and exists (select 1 from ${photoBibs} b where b.photo_id = p.id))`,
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(inArray(memberships.organisationId, ids))
		.orderBy(asc(users.name));
	const pending = await db
		.select({
			id: organisationInvites.id,
			organisationId: organisationInvites.organisationId,
			email: organisationInvites.email,
			role: organisationInvites.role,
			expiresAt: organisationInvites.expiresAt,
		})
		.from(organisationInvites)
		.where(
			and(
				inArray(organisationInvites.organisationId, ids),
				isNull(organisationInvites.acceptedAt),
				gt(organisationInvites.expiresAt, sql`now()`),
			),
		)
		.orderBy(desc(organisationInvites.createdAt));
	return mine.map((org) => ({
		...org,
		members: members.filter((m) => m.organisationId === org.id),
		// Members see their team; only those who run it see who else was invited.
		invites: org.myRole === "member" ? [] : pending.filter((i) => i.organisationId === org.id),
	}));
}

/** Invites a photographer by email: a one-time link to join, valid a week. */
export async function inviteMember(
	deps: { db: Db; mailer: Mailer; siteUrl: string },
	user: User,
	options: { organisationId: string; email: string; role: "manager" | "member" },
) {
	const { db } = deps;
	await requireTeamManager(db, user, options.organisationId);
	const [org] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, options.organisationId));
	const email = options.email.trim().toLowerCase();
	const [already] = await db
		.select({ userId: memberships.userId })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, options.organisationId), eq(users.email, email)));
	if (already) throw new AppError("CONFLICT", "This person is already in the team.");
	const token = generateDownloadToken();
	const [invite] = await db
		.insert(organisationInvites)
		.values({
			organisationId: options.organisationId,
			email,
			role: options.role,
			tokenHash: downloadTokenHash(token),
			invitedById: user.id,
			expiresAt: new Date(Date.now() + inviteDays * 86_400_000),
		})
		.returning({ id: organisationInvites.id });
	if (!invite) throw new Error("invite insert returned nothing");
	const mail = renderMail({
		locale: "fr",
		title: `${user.name} vous invite dans l'équipe ${org?.name ?? ""} sur Focus Racer`,
		paragraphs: [
			"Rejoignez l'équipe pour importer vos photos dans ses événements et suivre vos statistiques.",
			`Le lien est valable ${inviteDays} jours. Connectez-vous (ou créez votre compte) avec cette adresse : ${email}.`,
		],
		action: { label: "Rejoindre l'équipe", url: new URL(`/invites/${token}`, deps.siteUrl).toString() },
	});
	await deps.mailer.send({ ...mail, to: email, kind: "team.invite", reference: invite.id });
	return { inviteId: invite.id };
}

/** Joins the team of an invitation: the logged-in account must be the invited address. */
export async function acceptInvite(db: Db, user: User, token: string) {
	const [invite] = await db
		.select()
		.from(organisationInvites)
		.where(eq(organisationInvites.tokenHash, downloadTokenHash(token)));
	if (!invite || invite.expiresAt.getTime() < Date.now()) {
		throw new AppError("NOT_FOUND", "This invitation is unknown or has expired: ask for a new one.");
	}
	if (invite.acceptedAt) throw new AppError("CONFLICT", "This invitation was already used.");
	if (invite.email !== user.email.toLowerCase()) {
		throw new AppError("FORBIDDEN", `This invitation is for ${invite.email}: log in with that account.`);
	}
	await db.transaction(async (tx) => {
		await tx
			.insert(memberships)
			.values({ organisationId: invite.organisationId, userId: user.id, role: invite.role })
			.onConflictDoNothing();
		await tx
			.update(organisationInvites)
			.set({ acceptedAt: new Date(), acceptedById: user.id })
			.where(eq(organisationInvites.id, invite.id));
	});
	return { organisationId: invite.organisationId };
}

/** Removes a member (not the owner); their photos stay with the team's events. */
export async function removeMember(db: Db, user: User, options: { organisationId: string; userId: string }) {
	await requireTeamManager(db, user, options.organisationId);
	const [target] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(
			and(eq(memberships.organisationId, options.organisationId), eq(memberships.userId, options.userId)),
		);
	if (!target) throw new AppError("NOT_FOUND", "Member not found.");
	if (target.role === "owner") throw new AppError("BAD_REQUEST", "The team's owner cannot be removed.");
	await db
		.delete(memberships)
		.where(
			and(eq(memberships.organisationId, options.organisationId), eq(memberships.userId, options.userId)),
		);
}

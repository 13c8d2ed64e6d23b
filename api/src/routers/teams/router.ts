import * as v from "valibot";
import { siteUrl } from "../../http/site-url.ts";
import {
	acceptInvite,
	createOrganisation,
	inviteMember,
	listMyTeams,
	removeMember,
} from "../../services/teams/teams.ts";
import { authedProcedure, proProcedure, router } from "../../trpc/init.ts";
import { requireMailer } from "../orders/require-payments.ts";

const id = v.pipe(v.string(), v.uuid());

export const teamsRouter = router({
	mine: proProcedure.query(({ ctx }) => listMyTeams(ctx.deps.db, ctx.user)),
	create: proProcedure
		.input(
			v.object({
				name: v.pipe(v.string(), v.trim(), v.minLength(2, "Give the team a name."), v.maxLength(120)),
				kind: v.picklist(["agency", "club", "federation"]),
			}),
		)
		.mutation(({ ctx, input }) => createOrganisation(ctx.deps.db, ctx.user, input)),
	invite: proProcedure
		.input(
			v.object({
				organisationId: id,
				email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("Give a valid email address.")),
				role: v.optional(v.picklist(["manager", "member"]), "member"),
			}),
		)
		.mutation(({ ctx, input }) =>
			inviteMember(
				{ db: ctx.deps.db, mailer: requireMailer(ctx), siteUrl: siteUrl(ctx.deps.env) },
				ctx.user,
				input,
			),
		),
	/** Any logged-in account: a photographer may have signed up just to accept. */
	acceptInvite: authedProcedure
		.input(v.object({ token: v.pipe(v.string(), v.maxLength(64)) }))
		.mutation(({ ctx, input }) => acceptInvite(ctx.deps.db, ctx.user, input.token)),
	removeMember: proProcedure
		.input(v.object({ organisationId: id, userId: id }))
		.mutation(({ ctx, input }) => removeMember(ctx.deps.db, ctx.user, input)),
});

import * as v from "valibot";
import { siteUrl } from "../../http/site-url.ts";
import { connectStatus, dashboardLink, startOnboarding } from "../../services/payouts/connect-account.ts";
import { payoutSummary } from "../../services/payouts/payout-summary.ts";
import { proProcedure, router } from "../../trpc/init.ts";
import { requirePayments } from "../orders/require-payments.ts";

export const payoutsRouter = router({
	status: proProcedure.query(({ ctx }) =>
		connectStatus({ db: ctx.deps.db, payments: requirePayments(ctx) }, ctx.user.id),
	),
	onboard: proProcedure
		.input(
			v.optional(
				v.object({ returnPath: v.optional(v.pipe(v.string(), v.regex(/^\/[a-z0-9/_-]*$/)), "/pro/payouts") }),
				{},
			),
		)
		.mutation(({ ctx, input }) =>
			startOnboarding(
				{ db: ctx.deps.db, payments: requirePayments(ctx), siteUrl: siteUrl(ctx.deps.env) },
				ctx.user,
				input.returnPath,
			),
		),
	dashboard: proProcedure.mutation(({ ctx }) =>
		dashboardLink(
			{ db: ctx.deps.db, payments: requirePayments(ctx), siteUrl: siteUrl(ctx.deps.env) },
			ctx.user.id,
		),
	),
	summary: proProcedure.query(({ ctx }) => payoutSummary(ctx.deps.db, ctx.user.id)),
});

import { sendJob } from "@focus-racer/core";
import { photos } from "@focus-racer/db";
import { SingleBar } from "cli-progress";
import { and, eq, inArray } from "drizzle-orm";
import * as v from "valibot";
import type { CliCommand } from "./cli-context.ts";

const argsSchema = v.object({
	event: v.pipe(v.string("--event <id> is required"), v.uuid("--event must be an event id")),
	photo: v.optional(v.pipe(v.string(), v.uuid("--photo must be a photo id"))),
	step: v.optional(v.picklist(["derivatives", "ai", "all"], "--step is derivatives, ai or all"), "all"),
});

function parseFlags(args: string[]): Record<string, string> {
	const flags: Record<string, string> = {};
	for (let i = 0; i < args.length; i++) {
		const name = args[i]?.replace(/^--/, "");
		const value = args[i + 1];
		if (name && value !== undefined && args[i]?.startsWith("--")) {
			flags[name] = value;
			i++;
		}
	}
	return flags;
}

/**
 * Regenerates an event's photos (or one photo) through the backfill queue, so live uploads keep
 * priority, and waits with a progress bar until every job settles; then a summary.
 */
export const reprocessCommand: CliCommand = {
	summary: "re-run the pipeline for an event or one photo, with a progress bar",
	usage: "--event <id> [--photo <id>] [--step derivatives|ai|all]",
	run: async (args, ctx) => {
		const parsed = v.safeParse(argsSchema, parseFlags(args));
		if (!parsed.success) {
			ctx.print(parsed.issues.map((i) => i.message).join("\n"));
			return 2;
		}
		const { event, photo, step } = parsed.output;
		const { db, sql } = ctx.db();
		const rows = await db
			.select({ id: photos.id })
			.from(photos)
			.where(and(eq(photos.eventId, event), photo ? eq(photos.id, photo) : undefined));
		if (rows.length === 0) {
			ctx.print(photo ? "No such photo in this event." : "This event has no photo (or does not exist).");
			return 1;
		}
		const boss = await ctx.queue();
		const jobIds: string[] = [];
		let alreadyQueued = 0;
		for (const row of rows) {
			const id = await sendJob(boss, "photos.reprocess", { photoId: row.id, step });
			if (id) jobIds.push(id);
			else alreadyQueued++;
		}
		ctx.print(
			`Queued ${jobIds.length} photo(s) on photos.reprocess (step: ${step})${alreadyQueued ? `, ${alreadyQueued} already queued` : ""}; waiting for the workers…`,
		);

		const started = Date.now();
		const bar = new SingleBar({
			format: "  {bar} {value}/{total} photos | {failed} failed | {eta_formatted} left",
			noTTYOutput: true,
			notTTYSchedule: 5000,
			hideCursor: true,
		});
		bar.start(jobIds.length, 0, { failed: 0 });
		let settled = 0;
		let failed = 0;
		let lastChange = Date.now();
		let warned = false;
		while (settled < jobIds.length) {
			await new Promise((r) => setTimeout(r, 500));
			const states = await sql<{ state: string; n: number }[]>`
				select state::text as state, count(*)::int as n from pgboss.job
				where name = 'photos.reprocess' and id = any(${jobIds}::uuid[]) group by state`;
			const count = (s: string) => states.find((r) => r.state === s)?.n ?? 0;
			const done = count("completed") + count("failed") + count("cancelled");
			if (done !== settled) lastChange = Date.now();
			settled = done;
			failed = count("failed");
			bar.update(settled, { failed });
			if (!warned && Date.now() - lastChange > 60_000) {
				warned = true;
				process.stderr.write("\n  No progress for a minute: is a worker running? (npm run worker)\n");
			}
		}
		bar.stop();
		const outcome = await db
			.select({ status: photos.status })
			.from(photos)
			.where(
				inArray(
					photos.id,
					rows.map((r) => r.id),
				),
			);
		const by = (s: string) => outcome.filter((o) => o.status === s).length;
		const seconds = (Date.now() - started) / 1000;
		ctx.print(
			`Done in ${seconds.toFixed(1)} s (${(rows.length / seconds).toFixed(2)} photos/s): ${by("ready")} ready, ${by("rejected")} rejected, ${by("failed")} failed, ${failed} job(s) failed.`,
		);
		return failed > 0 ? 1 : 0;
	},
};

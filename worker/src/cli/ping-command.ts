import { randomUUID } from "node:crypto";
import { ensureQueues, sendJob } from "@focus-racer/core";
import type { CliCommand } from "./cli-context.ts";
import { waitForJob } from "./wait-for-job.ts";

const timeoutMs = 10_000;

export const pingCommand: CliCommand = {
	summary: `send a system.ping job and wait (up to ${timeoutMs / 1000} s) for a worker to complete it`,
	run: async (_args, ctx) => {
		const boss = await ctx.queue();
		await ensureQueues(boss);
		const started = performance.now();
		const id = await sendJob(boss, "system.ping", { id: randomUUID() });
		const outcome = await waitForJob(boss, "system.ping", id, timeoutMs);
		const ms = Math.round(performance.now() - started);
		if (outcome.state === "completed") {
			const output = outcome.output as { host?: string; pid?: number } | undefined;
			ctx.print(`pong from ${output?.host ?? "?"} (pid ${output?.pid ?? "?"}) in ${ms} ms`);
			return 0;
		}
		if (outcome.state === "timeout") {
			// Leave no stale ping behind for a worker that starts later.
			await boss.deleteJob("system.ping", id).catch(() => {});
			ctx.print(`no worker completed the ping within ${timeoutMs / 1000} s: is a worker running?`);
			return 1;
		}
		ctx.print(`the ping ended ${outcome.state}: ${JSON.stringify(outcome.output)}`);
		return 1;
	},
};

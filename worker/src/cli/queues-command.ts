import { deadLetterQueueName, jobNames } from "@focus-racer/core";
import type { CliCommand } from "./cli-context.ts";

export const queuesCommand: CliCommand = {
	summary: "print each queue with its queued / active / failed job counts",
	run: async (_args, ctx) => {
		const boss = await ctx.queue();
		const names = jobNames.flatMap((name) => [name, deadLetterQueueName(name)]);
		const rows: string[][] = [["queue", "queued", "active", "failed", "total"]];
		const missing: string[] = [];
		let countedAt: Date | undefined;
		for (const name of names) {
			// force: recounted from the job table (pg-boss reuses a count made in the last minute).
			const stats = (await boss.getQueue(name))
				? (await boss.getQueueStats(name, { force: true }))[0]
				: undefined;
			if (!stats) {
				missing.push(name);
				rows.push([name, "-", "-", "-", "-"]);
				continue;
			}
			if (!countedAt || stats.capturedOn < countedAt) countedAt = stats.capturedOn;
			rows.push([
				name,
				String(stats.queuedCount),
				String(stats.activeCount),
				String(stats.failedCount),
				String(stats.totalCount),
			]);
		}
		printTable(rows, ctx.print);
		if (countedAt) ctx.print(`\ncounted at ${countedAt.toISOString()}`);
		if (missing.length > 0)
			ctx.print(`not created yet (a worker creates them at start): ${missing.join(", ")}`);
		return 0;
	},
};

function printTable(rows: string[][], print: (line: string) => void): void {
	const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
	for (const row of rows) {
		print(
			row
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
				.join("  ")
				.trimEnd(),
		);
	}
}

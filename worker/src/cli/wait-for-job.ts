import type { PgBoss } from "pg-boss";

export interface JobOutcome {
	state: "completed" | "failed" | "cancelled" | "missing" | "timeout";
	output?: unknown;
}

/** Polls pg-boss for a job until it settles or the time is up. */
export async function waitForJob(
	boss: PgBoss,
	queue: string,
	id: string,
	timeout: number,
	intervalMs = 100,
): Promise<JobOutcome> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const [job] = await boss.findJobs(queue, { id });
		if (!job) return { state: "missing" };
		if (job.state === "completed" || job.state === "failed" || job.state === "cancelled")
			return { state: job.state, output: job.output };
		if (Date.now() >= deadline) return { state: "timeout" };
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

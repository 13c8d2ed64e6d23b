import { hostname } from "node:os";
import type { JobPayload } from "@focus-racer/core";
import type { JobOutput } from "../job-handler.ts";

/** Records nothing: its completion proves a worker is consuming (CLI `ping`, tests). */
export async function ping(data: JobPayload<"system.ping">): Promise<JobOutput> {
	return { pong: data.id, host: hostname(), pid: process.pid };
}

import autocannon from "autocannon";
import { machineBusyMs, processCpuMs, processTreeCpuMs } from "./process-cpu.ts";

export interface ScenarioRequest {
	method: "GET" | "POST";
	path: string;
	headers?: Record<string, string>;
	body?: Buffer;
}

export interface Scenario {
	name: string;
	connections: number;
	next: () => ScenarioRequest;
	/** A wrong answer's kind ("empty", "no cursor"…), or null when the answer is right. */
	check: (body: string) => string | null;
}

export interface RunResult {
	rps: number;
	p50: number;
	p90: number;
	p99: number;
	mean: number;
	responses: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	statusCodes: Record<string, number>;
	/** Wrong 200 answers by kind. */
	wrong: Record<string, number>;
	/** CPU ms per response of each party (null without /proc). */
	cpuMsPerRequest: { api: number | null; postgres: number | null; loadGenerator: number };
	/**
	 * Cores kept busy by other processes during the run (machine busy time minus the bench's
	 * three parties): above ~0.2 on 2 cores, the run's latencies include someone else's load.
	 */
	otherCores: number | null;
}

export interface Processes {
	apiPid: number;
	postmasterPid: number;
}

const randomInt = (n: number) => Math.floor(Math.random() * n);

/**
 * A client address per request, from the public unicast ranges: the api trusts X-Forwarded-For
 * (TRUST_PROXY=true, as behind Caddy), so the per-IP search and selfie budgets never trip and
 * every request pays the real rate-limit upsert, as a crowd of visitors would.
 */
export function randomClientIp(): string {
	return `${1 + randomInt(223)}.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/**
 * One autocannon run of `seconds`. Closed loop by default (each connection sends its next request
 * on the answer: the server runs flat out, and latency is mostly queueing); with `rate`, paced
 * at that many requests/s in all, the latency of a server that keeps up (autocannon corrects
 * coordinated omission: a late answer also counts the requests it held back).
 */
export async function runScenario(
	origin: string,
	scenario: Scenario,
	seconds: number,
	processes: Processes,
	rate?: number,
): Promise<RunResult> {
	const wrong: Record<string, number> = {};
	const before = {
		api: processCpuMs(processes.apiPid),
		postgres: processTreeCpuMs(processes.postmasterPid),
		self: process.cpuUsage(),
		machine: machineBusyMs(),
	};
	const started = performance.now();
	const result = await autocannon({
		url: origin,
		connections: scenario.connections,
		duration: seconds,
		...(rate ? { overallRate: rate } : {}),
		requests: [
			{
				setupRequest: (request) => {
					const next = scenario.next();
					return {
						...request,
						method: next.method,
						path: next.path,
						headers: { ...next.headers, "x-forwarded-for": randomClientIp() },
						...(next.body ? { body: next.body } : {}),
					};
				},
				onResponse: (status, body) => {
					if (status !== 200) return;
					const problem = scenario.check(body);
					if (problem) wrong[problem] = (wrong[problem] ?? 0) + 1;
				},
			},
		],
	});
	const self = process.cpuUsage(before.self);
	const apiAfter = processCpuMs(processes.apiPid);
	const pgAfter = processTreeCpuMs(processes.postmasterPid);
	const machineAfter = machineBusyMs();
	const wallMs = performance.now() - started;
	const responses = result.requests.total;
	const per = (used: number | null) => (used === null || responses === 0 ? null : used / responses);
	const apiMs = apiAfter !== null && before.api !== null ? apiAfter - before.api : null;
	const pgMs = pgAfter !== null && before.postgres !== null ? pgAfter - before.postgres : null;
	const selfMs = (self.user + self.system) / 1000;
	const otherMs =
		machineAfter !== null && before.machine !== null && apiMs !== null && pgMs !== null
			? machineAfter - before.machine - apiMs - pgMs - selfMs
			: null;
	const statusCodes: Record<string, number> = {};
	for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
		statusCodes[code] = stat.count ?? 0;
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p90: result.latency.p90,
		p99: result.latency.p99,
		mean: result.latency.mean,
		responses,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes,
		wrong,
		cpuMsPerRequest: { api: per(apiMs), postgres: per(pgMs), loadGenerator: selfMs / Math.max(1, responses) },
		otherCores: otherMs === null ? null : Math.max(0, otherMs / wallMs),
	};
}

export function pick<T>(items: readonly T[]): T {
	const item = items[randomInt(items.length)];
	if (item === undefined) throw new Error("pick from an empty list");
	return item;
}

/**
 * Waits (up to `maxWaitMs`) until other processes keep less than `threshold` cores busy over a
 * second, with the bench's own parties idle: on a shared 2-core machine a test run next door
 * doubles every latency. Answers the load last seen, in cores (null without /proc).
 */
export async function waitForQuietMachine(maxWaitMs: number, threshold = 0.3): Promise<number | null> {
	const until = Date.now() + maxWaitMs;
	while (true) {
		const before = machineBusyMs();
		const started = performance.now();
		await new Promise((r) => setTimeout(r, 1000));
		const after = machineBusyMs();
		if (before === null || after === null) return null;
		const cores = (after - before) / (performance.now() - started);
		if (cores < threshold || Date.now() >= until) return cores;
	}
}

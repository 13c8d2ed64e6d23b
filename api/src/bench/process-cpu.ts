import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of other processes from /proc (Linux): on a 2-core machine the load generator, the
 * api and PostgreSQL share the cores, and CPU ms per request says which of them a request costs.
 * Elsewhere (no /proc) every figure is null and the bench says so.
 */
const ticksPerSecond = (() => {
	try {
		return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
	} catch {
		return 100;
	}
})();

export const hasProc = existsSync("/proc/self/stat");

interface Stat {
	ppid: number;
	cpuMs: number;
}

function readStat(pid: number): Stat | null {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, "utf8");
		// The command name is in parentheses and may hold spaces: split after the last one.
		const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
		const utime = Number(fields[11]);
		const stime = Number(fields[12]);
		return { ppid: Number(fields[1]), cpuMs: ((utime + stime) * 1000) / ticksPerSecond };
	} catch {
		return null;
	}
}

/** CPU ms used so far by one process (all its threads). */
export function processCpuMs(pid: number): number | null {
	return hasProc ? (readStat(pid)?.cpuMs ?? null) : null;
}

/**
 * CPU ms used so far by a process and its direct children (the postmaster and its backends).
 * Backends that exit between two samples take their time with them; the api's pool keeps its
 * connections open, so the backends that serve the load test live through it.
 */
export function processTreeCpuMs(pid: number): number | null {
	if (!hasProc) return null;
	let total = readStat(pid)?.cpuMs ?? 0;
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (stat?.ppid === pid) total += stat.cpuMs;
	}
	return total;
}

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

/**
 * CPU ms the whole machine spent busy so far, all cores (/proc/stat): what is left once the
 * bench's own parties are taken off is someone else's load (a test run, a build), which the
 * figures of that run then suffer from.
 */
export function machineBusyMs(): number | null {
	if (!hasProc) return null;
	try {
		const [cpu] = readFileSync("/proc/stat", "utf8").split("\n");
		const ticks = (cpu ?? "").trim().split(/\s+/).slice(1).map(Number);
		// user nice system idle iowait irq softirq steal (guest time is already inside user).
		const busy = ticks.slice(0, 8).reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0);
		return (busy * 1000) / ticksPerSecond;
	} catch {
		return null;
	}
}

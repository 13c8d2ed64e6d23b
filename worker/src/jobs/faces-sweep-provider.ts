import type { AiEngine, AiProvider, JobPayload } from "@focus-racer/core";
import { events, faces, photos } from "@focus-racer/db";
import { and, asc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { JobDeps, JobOutput, JobRun } from "../job-handler.ts";

/** Providers that keep faces in an index of their own, which can outlive our rows. */
const providersWithFaceIndex: ReadonlySet<AiProvider> = new Set(["rekognition"]);

/**
 * An orphan whose photo changed this recently may belong to an AI step between IndexFaces and
 * its commit (or one that just committed after we read `faces`): it is left for the next sweep.
 */
export const sweepGraceMinutes = 15;

/** Photo ids per query: a face index of a big event names thousands of photos. */
const photoIdsPerQuery = 1000;

/** ExternalImageIds are our photo ids; anything else names no photo (and must not reach a uuid cast). */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EventSweep {
	eventId: string;
	/** Faces in the provider's index of the event. */
	indexed: number;
	/** Of those, faces no `faces` row points at. */
	orphans: number;
	deleted: number;
	/** Orphans left alone because their photo may still be committing them. */
	kept: number;
}

type SweepDeps = Pick<JobDeps, "db" | "log">;

/**
 * One event: the provider's faces minus the provider face ids stored in `faces`, each deleted
 * unless its photo is still `uploaded`/`processing` or changed in the last 15 minutes. Listed
 * first and read from the database after, so a face committed before the listing is never
 * mistaken for an orphan; a face committed after it is covered by the grace rules.
 */
export async function sweepEventProviderFaces(
	deps: SweepDeps,
	engine: AiEngine,
	eventId: string,
): Promise<EventSweep> {
	const indexed = await engine.listIndexedFaces(eventId);
	if (indexed.length === 0) return { eventId, indexed: 0, orphans: 0, deleted: 0, kept: 0 };
	const stored = await deps.db
		.select({ providerFaceId: faces.providerFaceId })
		.from(faces)
		.where(and(eq(faces.eventId, eventId), isNotNull(faces.providerFaceId)));
	const known = new Set(stored.map((f) => f.providerFaceId));
	const orphans = indexed.filter((f) => !known.has(f.providerFaceId));
	const busy = await photosStillCommitting(
		deps,
		orphans.map((f) => f.photoId),
	);
	const doomed = orphans.filter((f) => !(f.photoId && busy.has(f.photoId))).map((f) => f.providerFaceId);
	if (doomed.length > 0) await engine.deleteFaces(eventId, doomed);
	return {
		eventId,
		indexed: indexed.length,
		orphans: orphans.length,
		deleted: doomed.length,
		kept: orphans.length - doomed.length,
	};
}

/** Of these photos, the ones an AI step may be working on; the database clock decides. */
async function photosStillCommitting(deps: SweepDeps, photoIds: (string | null)[]): Promise<Set<string>> {
	const ids = [...new Set(photoIds.filter((id): id is string => id !== null && uuidPattern.test(id)))];
	const busy = new Set<string>();
	for (let start = 0; start < ids.length; start += photoIdsPerQuery) {
		const rows = await deps.db
			.select({ id: photos.id })
			.from(photos)
			.where(
				and(
					inArray(photos.id, ids.slice(start, start + photoIdsPerQuery)),
					or(
						inArray(photos.status, ["uploaded", "processing"]),
						gt(photos.updatedAt, sql`now() - make_interval(mins => ${sweepGraceMinutes})`),
					),
				),
			);
		for (const row of rows) busy.add(row.id);
	}
	return busy;
}

export interface ProviderSweep {
	provider: AiProvider;
	/** Set when the provider keeps no index of its own: nothing was listed or deleted. */
	skipped?: string;
	events: number;
	indexed: number;
	orphans: number;
	deleted: number;
	kept: number;
	/** Events whose sweep threw (logged); the others were still swept. */
	failed: number;
}

/**
 * Every event (or the ones given) with the provider in force. An event that fails is logged and
 * the others still swept; the run then throws so pg-boss retries (the sweep is idempotent).
 */
export async function sweepProviderIndex(
	deps: Pick<JobDeps, "db" | "log" | "ai" | "aiSettings">,
	options: { eventIds?: readonly string[]; signal?: AbortSignal; onEvent?: (sweep: EventSweep) => void } = {},
): Promise<ProviderSweep> {
	const { provider } = await deps.aiSettings();
	const total: ProviderSweep = {
		provider,
		events: 0,
		indexed: 0,
		orphans: 0,
		deleted: 0,
		kept: 0,
		failed: 0,
	};
	if (!providersWithFaceIndex.has(provider)) {
		return { ...total, skipped: `the ${provider} engine keeps no face index of its own` };
	}
	const engine = await deps.ai.get(provider);
	const eventIds =
		options.eventIds ??
		(await deps.db.select({ id: events.id }).from(events).orderBy(asc(events.id))).map((e) => e.id);
	for (const eventId of eventIds) {
		// pg-boss took the job back (expiry, stop): the next run starts over.
		if (options.signal?.aborted) break;
		try {
			const sweep = await sweepEventProviderFaces(deps, engine, eventId);
			total.events++;
			total.indexed += sweep.indexed;
			total.orphans += sweep.orphans;
			total.deleted += sweep.deleted;
			total.kept += sweep.kept;
			// Thousands of clean events a day would drown the log: only findings at info.
			deps.log[sweep.orphans > 0 ? "info" : "debug"]({ ...sweep, provider }, "provider face index swept");
			options.onEvent?.(sweep);
		} catch (err) {
			total.failed++;
			deps.log.warn({ err, eventId, provider }, "provider face index sweep failed");
		}
	}
	return total;
}

/** The daily faces.sweep-provider job (cron in core's jobDefinitions). */
export async function sweepProviderFaces(
	_data: JobPayload<"faces.sweep-provider">,
	deps: JobDeps,
	run?: JobRun,
): Promise<JobOutput> {
	const result = await sweepProviderIndex(deps, run ? { signal: run.signal } : {});
	if (result.failed > 0) {
		throw new Error(
			`provider face sweep failed for ${result.failed} of ${result.events + result.failed} events`,
		);
	}
	if (!result.skipped) deps.log.info({ ...result }, "provider face indexes swept");
	return { ...result };
}

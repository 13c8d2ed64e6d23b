import {
	AppError,
	type FetchRegistrationsOptions,
	fetchRegistrations,
	requireEventManager,
	StartListConnectorError,
} from "@focus-racer/core";
import { type Db, type StartListFieldMapping, startListEntries, startListSources } from "@focus-racer/db";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { storeStartList } from "./store-start-list.ts";

type User = { id: string; role: string };
export type ConnectorProvider = "njuko" | "kms" | "runsignup";

/**
 * A pro-supplied base URL is fetched by our server: in production it must be https and must not
 * name this machine or a private network by address (no reaching internal services that way).
 */
export function checkConnectorBaseUrl(baseUrl: string, production: boolean): void {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		throw new AppError("BAD_REQUEST", "The API address must be a URL such as https://api.example.com.");
	}
	if (!production) return;
	const host = url.hostname.replace(/^\[|\]$/g, "");
	const privateHost =
		host === "localhost" ||
		host.endsWith(".localhost") ||
		/^(127\.|10\.|0\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host) ||
		host === "::1" ||
		/^f[cd]/i.test(host) ||
		/^fe80:/i.test(host);
	if (url.protocol !== "https:" || privateHost) {
		throw new AppError("BAD_REQUEST", "The API address must be a public https:// address.");
	}
}

/** The event's connectors; keys are never sent back, only whether one is set. */
export async function listStartListSources(db: Db, user: User, eventId: string) {
	await requireEventManager(db, { eventId, user });
	const rows = await db.select().from(startListSources).where(eq(startListSources.eventId, eventId));
	const [count] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(startListEntries)
		.where(eq(startListEntries.eventId, eventId));
	return {
		entryCount: count?.n ?? 0,
		sources: rows.map(({ apiKey, apiSecret, ...row }) => ({
			...row,
			hasApiKey: apiKey !== null,
			hasApiSecret: apiSecret !== null,
		})),
	};
}

/** Creates or edits an event's connector; an omitted key keeps the stored one. */
export async function saveStartListSource(
	db: Db,
	user: User,
	options: {
		eventId: string;
		provider: ConnectorProvider;
		baseUrl?: string | null | undefined;
		externalEventId: string;
		apiKey?: string | undefined;
		apiSecret?: string | undefined;
		fieldMapping?: StartListFieldMapping | null | undefined;
		production: boolean;
	},
) {
	await requireEventManager(db, { eventId: options.eventId, user });
	if (options.baseUrl) checkConnectorBaseUrl(options.baseUrl, options.production);
	const values = {
		eventId: options.eventId,
		provider: options.provider,
		baseUrl: options.baseUrl ?? null,
		externalEventId: options.externalEventId,
		fieldMapping: options.fieldMapping ?? null,
		...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
		...(options.apiSecret === undefined ? {} : { apiSecret: options.apiSecret }),
	};
	const { eventId: _e, provider: _p, ...changes } = values;
	await db
		.insert(startListSources)
		.values(values)
		.onConflictDoUpdate({ target: [startListSources.eventId, startListSources.provider], set: changes });
	return listStartListSources(db, user, options.eventId);
}

/**
 * Fetches the registrations from the platform and stores them like a file import. The outcome
 * (or the platform's refusal, in words) is kept on the source for the page to show.
 */
export async function syncStartListSource(
	db: Db,
	user: User,
	options: {
		eventId: string;
		provider: ConnectorProvider;
		production: boolean;
		fetchOptions?: FetchRegistrationsOptions;
	},
) {
	await requireEventManager(db, { eventId: options.eventId, user });
	const [source] = await db
		.select()
		.from(startListSources)
		.where(
			and(eq(startListSources.eventId, options.eventId), eq(startListSources.provider, options.provider)),
		);
	if (!source) throw new AppError("NOT_FOUND", "Set up this connector first.");
	if (source.baseUrl) checkConnectorBaseUrl(source.baseUrl, options.production);
	await db
		.update(startListSources)
		.set({ lastSyncStatus: "running" })
		.where(eq(startListSources.id, source.id));
	try {
		const fetched = await fetchRegistrations(source, options.fetchOptions);
		const stored = await storeStartList(db, {
			eventId: options.eventId,
			provider: options.provider,
			entries: fetched.entries,
		});
		return { ...stored, skipped: fetched.skipped, warnings: fetched.warnings, pages: fetched.pages };
	} catch (error) {
		const connectorError = error instanceof StartListConnectorError ? error : null;
		const message = connectorError?.message ?? "The registration platform could not be read.";
		await db
			.update(startListSources)
			.set({
				lastSyncStatus: "failed",
				lastSyncError: message,
				lastSyncReason: connectorError?.reason ?? "unexpected",
				lastSyncAt: new Date(),
			})
			.where(eq(startListSources.id, source.id));
		throw error instanceof AppError ? error : new AppError("BAD_REQUEST", message, { cause: error });
	}
}

/** The event's runners, by bib order, a page at a time (the start list page). */
export async function listStartListEntries(db: Db, user: User, eventId: string, after?: string) {
	await requireEventManager(db, { eventId, user });
	const rows = await db
		.select({
			id: startListEntries.id,
			bib: startListEntries.bib,
			firstName: startListEntries.firstName,
			lastName: startListEntries.lastName,
			email: startListEntries.email,
			category: startListEntries.category,
			club: startListEntries.club,
		})
		.from(startListEntries)
		.where(and(eq(startListEntries.eventId, eventId), after ? gt(startListEntries.bib, after) : undefined))
		.orderBy(asc(startListEntries.bib))
		.limit(201);
	return { entries: rows.slice(0, 200), nextAfter: rows.length > 200 ? (rows[199]?.bib ?? null) : null };
}

import type { StartListFieldMapping, StartListProvider } from "@focus-racer/db";
import type { StartListEntryInput, StartListIssueCode } from "./start-list-entry.ts";

/** Providers reached over HTTP; `csv` sources are files and have no connector. */
export type ConnectorProvider = Exclude<StartListProvider, "csv">;

/**
 * What a connector needs, shaped like a `start_list_sources` row so the sync can pass one as
 * is (nulls included). `baseUrl` and every `fieldMapping` key override the provider's preset.
 */
export interface StartListConnectorSource {
	provider: StartListProvider;
	baseUrl?: string | null;
	externalEventId?: string | null;
	apiKey?: string | null;
	apiSecret?: string | null;
	fieldMapping?: StartListFieldMapping | null;
}

export interface FetchRegistrationsOptions {
	/** The HTTP client; the global fetch unless told (tests and proxies pass their own). */
	fetch?: typeof fetch;
	/** Per request; 20 s unless told. */
	timeoutMs?: number;
	/** Refuse to read more pages than this (a platform ignoring our paging would loop); 200 unless told. */
	maxPages?: number;
}

export interface SkippedRegistration {
	/** 0-based position in the platform's list, all pages together. */
	index: number;
	code: StartListIssueCode;
	/** An English sentence for the organiser (`code` is the stable one to translate). */
	reason: string;
}

export interface FetchedRegistrations {
	entries: StartListEntryInput[];
	/** Registrations not imported: no bib yet, a bib given twice, not an object… */
	skipped: SkippedRegistration[];
	/** Registrations imported with a change (a malformed email dropped). */
	warnings: SkippedRegistration[];
	/** Pages requested, for the sync's log. */
	pages: number;
}

/** Everything a preset needs to build one page's request. */
export interface ConnectorRequestContext {
	/** Without a trailing slash. */
	baseUrl: string;
	externalEventId: string;
	apiKey: string | undefined;
	apiSecret: string | undefined;
	/** 0-based page counter; each preset turns it into its own page number or offset. */
	pageIndex: number;
}

export interface ConnectorRequest {
	url: URL;
	headers: Record<string, string>;
}

/** An error a platform reports inside a 200 answer, turned into our reason. */
export interface ConnectorBodyError {
	reason: "auth_refused" | "unknown_race" | "provider_error";
	detail: string;
}

/**
 * How one platform is called. Presets are data plus two small functions, so a new platform is
 * one object in `connector-presets.ts` and the fetching, paging and mapping stay shared.
 */
export interface ConnectorPreset {
	provider: ConnectorProvider;
	/** Shown in messages ("Njuko refused the API key"). */
	label: string;
	defaultBaseUrl: string;
	/** Checked before any request, with the message saying what to fill in. */
	requires: { apiKey: boolean; apiSecret: boolean };
	/** What `externalEventId` is on this platform, for the "missing" message (e.g. "the race id"). */
	eventIdHint: string;
	/** A message when `externalEventId` is filled in but cannot be right for this platform. */
	checkEventId?(externalEventId: string): string | undefined;
	/** Every key set: an empty string means "this platform has no such field". */
	defaultMapping: Required<StartListFieldMapping>;
	/** Items asked for per page. */
	pageSize: number;
	/**
	 * When the last page is reached: `short-page` when fewer than `pageSize` items came back
	 * (one request saved; only for platforms documented to honour our page size), `empty-page`
	 * when a page has none (safe when the platform caps the page size below ours).
	 */
	lastPage: "short-page" | "empty-page";
	buildRequest(context: ConnectorRequestContext): ConnectorRequest;
	bodyError?(body: unknown): ConnectorBodyError | undefined;
}

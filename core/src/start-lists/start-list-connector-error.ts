import type { StartListSyncReason } from "@focus-racer/db";
import { AppError } from "../errors.ts";

/**
 * Why a registration platform gave us no start list: the stored sync reasons (db's
 * `startListSyncReasons`, which the web translates) but `unexpected`, which is ours. `retryable`
 * ones are worth another try later (a job retries them), the others need the organiser to change
 * the connector's settings.
 */
export type StartListConnectorReason = Exclude<StartListSyncReason, "unexpected">;

const retryableReasons: ReadonlySet<StartListConnectorReason> = new Set([
	"rate_limited",
	"timeout",
	"unreachable",
	"provider_unavailable",
]);

/**
 * A failed fetch, with a message an organiser understands (never the URL's query string: it
 * can hold the API key). An AppError (BAD_REQUEST) so the api can return it as is.
 */
export class StartListConnectorError extends AppError {
	override name = "StartListConnectorError";
	readonly reason: StartListConnectorReason;
	/** HTTP status of the platform's answer, when there was one. */
	readonly status: number | undefined;
	readonly retryable: boolean;

	constructor(
		reason: StartListConnectorReason,
		message: string,
		options: { status?: number | undefined; cause?: unknown } = {},
	) {
		super("BAD_REQUEST", message, { cause: options.cause });
		this.reason = reason;
		this.status = options.status;
		this.retryable = retryableReasons.has(reason);
	}
}

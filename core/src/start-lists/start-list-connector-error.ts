import { AppError } from "../errors.ts";

/**
 * Why a registration platform gave us no start list. Stable codes: the web translates them and
 * the sync stores them; `retryable` ones are worth another try later (a job retries them),
 * the others need the organiser to change the connector's settings.
 */
export const startListConnectorReasons = [
	"unsupported_provider",
	"invalid_config",
	"invalid_mapping",
	"auth_refused",
	"unknown_race",
	"rate_limited",
	"timeout",
	"unreachable",
	"provider_unavailable",
	"provider_error",
	"http_error",
	"not_json",
	"unexpected_shape",
	"too_many_pages",
] as const;
export type StartListConnectorReason = (typeof startListConnectorReasons)[number];

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

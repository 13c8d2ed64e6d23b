import type {
	AiEngines,
	AiSettingsReader,
	Env,
	EventFaceIndexCache,
	Logger,
	Mailer,
	Storage,
} from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";
import type { Payments } from "./services/orders/payments.ts";

/** Everything the api needs, passed in (ARCHITECTURE §8.4): tests build the app with their own. */
export interface AppDeps {
	env: Env;
	db: Db;
	log: Logger;
	/** pg-boss, to enqueue jobs (uploads). Optional so auth-only tests need no queue. */
	queue?: PgBoss;
	/** Media storage (uploads, media route). */
	storage?: Storage;
	/** AI engines for selfie search (the local face model loads on the first search). */
	ai?: AiEngines;
	aiSettings?: AiSettingsReader;
	/** Events' face vectors kept packed between selfie searches. */
	faceIndex?: EventFaceIndexCache;
	/** How the shop takes money (Stripe, the explicit test payment, or not at all). */
	payments?: Payments;
	/** Receipts and other mails (SMTP, or the email_outbox table and the log). */
	mailer?: Mailer;
	/** Folder of the built web app; unset: the api serves no static files. */
	webDist?: string;
}

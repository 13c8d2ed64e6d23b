import * as v from "valibot";

const bool = (fallback: boolean) =>
	v.pipe(
		v.optional(v.picklist(["true", "false", "1", "0", "yes", "no"]), fallback ? "true" : "false"),
		v.transform((s) => s === "true" || s === "1" || s === "yes"),
	);

const int = (fallback: number, min: number, max: number) =>
	v.pipe(
		v.optional(v.string(), String(fallback)),
		v.transform(Number),
		v.number("must be a number"),
		v.integer("must be a whole number"),
		v.minValue(min),
		v.maxValue(max),
	);

const optionalText = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)));

/**
 * Every setting of every process. README.md lists each with its default; keep both in step.
 * Empty strings count as unset so `FOO=` in a compose file means "use the default".
 */
export const envSchema = v.object({
	NODE_ENV: v.optional(v.picklist(["development", "production", "test"]), "development"),
	/** Unset: an embedded PostgreSQL under DATA_DIR/pg is started (npm start only). */
	DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, "must start with postgres://"))),
	DATA_DIR: v.optional(v.string(), ".data"),
	EMBEDDED_PG_PORT: int(54329, 1024, 65535),
	HOST: v.optional(v.string(), "0.0.0.0"),
	PORT: int(3000, 0, 65535),
	/** The origin browsers use; drives the CSRF Origin check and Secure cookies. */
	PUBLIC_URL: v.optional(v.pipe(v.string(), v.url("must be a URL such as https://photos.example.com"))),
	/** Take the client IP from X-Forwarded-For (only behind a proxy you run, e.g. Caddy). */
	TRUST_PROXY: bool(false),
	LOG_LEVEL: v.optional(v.picklist(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info"),
	SESSION_TTL_DAYS: int(30, 1, 365),
	/** Login + register attempts per IP per 15 minutes. */
	AUTH_RATE_LIMIT: int(20, 1, 100000),
	/** Bib and name searches per IP per 15 minutes (name search runs as the visitor types). */
	SEARCH_RATE_LIMIT: int(600, 1, 10_000_000),
	/** Seed the demo accounts and event on an empty database. Default: only with the embedded database. */
	DEMO_SEED: v.optional(v.picklist(["auto", "true", "false"]), "auto"),
	/** Generated race photos the demo event gets through the real pipeline on first start. */
	DEMO_PHOTOS: int(40, 0, 500),
	ADMIN_EMAIL: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("must be an email address"))),
	ADMIN_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(12, "must be at least 12 characters"))),
	WORKER_CONCURRENCY: int(16, 1, 256),
	/** Decompression-bomb guard: images above this many pixels are refused (100 MP > any camera). */
	MAX_IMAGE_PIXELS: int(100_000_000, 1_000_000, 1_000_000_000),
	/** Run the worker inside `npm start` (set false when workers run elsewhere). */
	START_WORKER: bool(true),
	/** Outgoing mail, e.g. `smtp://user:pass@smtp.example.com:587`. Unset: mails go to the email_outbox table and the log. */
	SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, "must start with smtp:// or smtps://"))),
	/** The sender of every mail. */
	MAIL_FROM: v.optional(v.pipe(v.string(), v.trim(), v.minLength(3)), "Focus Racer <no-reply@localhost>"),
	/**
	 * Stripe secret key (`sk_live_…`/`sk_test_…`). Unset: no real payments; outside production the
	 * checkout offers an explicit test payment that runs the same fulfilment.
	 */
	STRIPE_SECRET_KEY: v.optional(v.pipe(v.string(), v.regex(/^(sk|rk)_/, "must start with sk_ or rk_"))),
	/** The browser's key for the Payment Element; required with STRIPE_SECRET_KEY. */
	STRIPE_PUBLISHABLE_KEY: v.optional(v.pipe(v.string(), v.regex(/^pk_/, "must start with pk_"))),
	/** Signing secret of the webhook endpoint `/api/stripe/webhook` (`whsec_…`); required with STRIPE_SECRET_KEY. */
	STRIPE_WEBHOOK_SECRET: v.optional(v.pipe(v.string(), v.regex(/^whsec_/, "must start with whsec_"))),
	/** Another Stripe API origin (stripe-mock, tests). Unset: https://api.stripe.com. */
	STRIPE_API_BASE: v.optional(v.pipe(v.string(), v.url("must be a URL such as http://127.0.0.1:12111"))),
	/** Where media (originals, thumbnails, branding) is kept: `local` disk or an S3-compatible bucket. */
	STORAGE_DRIVER: v.optional(v.picklist(["local", "s3"], 'must be "local" or "s3"'), "local"),
	/** Local driver: the media root. Unset: DATA_DIR/media. */
	MEDIA_DIR: optionalText,
	/**
	 * Local driver: HMAC key of signed media URLs (HD originals). Unset: generated once into
	 * DATA_DIR/media-signing-secret, shared by every process on this machine; set it when api
	 * processes run on several machines so they all accept each other's URLs.
	 */
	MEDIA_SIGNING_SECRET: v.optional(
		v.pipe(v.string(), v.minLength(32, "must be at least 32 characters (e.g. openssl rand -base64 32)")),
	),
	/** S3 driver: the bucket (required when STORAGE_DRIVER=s3). */
	S3_BUCKET: optionalText,
	S3_REGION: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), "us-east-1"),
	/** S3-compatible services (MinIO, R2, Scaleway…): their endpoint. Unset: AWS. */
	S3_ENDPOINT: v.optional(v.pipe(v.string(), v.url("must be a URL such as https://s3.example.com"))),
	/** Unset: the AWS SDK's default chain (instance role, AWS_* variables, ~/.aws). Set both or neither. */
	S3_ACCESS_KEY_ID: optionalText,
	S3_SECRET_ACCESS_KEY: optionalText,
	/** Path-style URLs (`endpoint/bucket/key`): needed by MinIO and most self-hosted S3 servers. */
	S3_FORCE_PATH_STYLE: bool(false),
	/**
	 * Which AI engine reads bibs and faces: `local` (on the worker's CPU, no account) or
	 * `rekognition` (AWS). The admin's AI settings can switch it at run time; this is the default.
	 */
	AI_PROVIDER: v.optional(v.picklist(["local", "rekognition"], 'must be "local" or "rekognition"'), "local"),
	REKOGNITION_REGION: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), "eu-west-1"),
	/** Another Rekognition endpoint (tests, VPC endpoints). Unset: AWS's for the region. */
	REKOGNITION_ENDPOINT: v.optional(
		v.pipe(v.string(), v.url("must be a URL such as https://rekognition.example.com")),
	),
	/** Unset: the AWS SDK's default chain (instance role, AWS_* variables, ~/.aws). Set both or neither. */
	REKOGNITION_ACCESS_KEY_ID: optionalText,
	REKOGNITION_SECRET_ACCESS_KEY: optionalText,
	/** Face collections are `<prefix><eventId>`, one per event (several platforms can share an account). */
	REKOGNITION_COLLECTION_PREFIX: v.optional(
		v.pipe(v.string(), v.regex(/^[a-zA-Z0-9_.-]*$/, "letters, digits, _ . - only")),
		"focus-racer-",
	),
});

export type Env = v.InferOutput<typeof envSchema>;

export class EnvError extends Error {
	override name = "EnvError";
}

/** Validates once at start; the message names every bad variable so an operator can fix them all. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
	const cleaned: Record<string, string> = {};
	for (const [key, value] of Object.entries(source)) {
		if (value !== undefined && value !== "") cleaned[key] = value;
	}
	const result = v.safeParse(envSchema, cleaned);
	if (!result.success) {
		const lines = result.issues.map((issue) => {
			const key = issue.path?.map((p) => String(p.key)).join(".") ?? "?";
			return `  ${key}: ${issue.message} (got ${JSON.stringify(cleaned[key] ?? null)})`;
		});
		throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
	}
	const env = result.output;
	if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
		throw new EnvError("Invalid environment:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
	}
	if ((env.REKOGNITION_ACCESS_KEY_ID === undefined) !== (env.REKOGNITION_SECRET_ACCESS_KEY === undefined)) {
		throw new EnvError(
			"Invalid environment:\n  REKOGNITION_ACCESS_KEY_ID and REKOGNITION_SECRET_ACCESS_KEY must be set together",
		);
	}
	if (
		env.STRIPE_SECRET_KEY !== undefined &&
		(env.STRIPE_PUBLISHABLE_KEY === undefined || env.STRIPE_WEBHOOK_SECRET === undefined)
	) {
		throw new EnvError(
			"Invalid environment:\n  STRIPE_SECRET_KEY needs STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET (payments are confirmed by webhook only)",
		);
	}
	return env;
}

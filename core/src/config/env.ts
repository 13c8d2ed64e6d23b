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
	/** Seed the demo accounts and event on an empty database. Default: only with the embedded database. */
	DEMO_SEED: v.optional(v.picklist(["auto", "true", "false"]), "auto"),
	ADMIN_EMAIL: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("must be an email address"))),
	ADMIN_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(12, "must be at least 12 characters"))),
	WORKER_CONCURRENCY: int(16, 1, 256),
	/** Run the worker inside `npm start` (set false when workers run elsewhere). */
	START_WORKER: bool(true),
	SMTP_URL: optionalText,
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
	return env;
}

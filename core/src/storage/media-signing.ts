import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Signed media URLs of the local driver: `/media/<key>?exp=<unix seconds>&sig=<sig>` where sig is
 * the base64url HMAC-SHA256 of `key + "\n" + exp`. The optional `dl` (download name) is not
 * signed: changing it only renames the download.
 */
export function signMediaKey(key: string, exp: number, secret: string): string {
	return createHmac("sha256", secret).update(`${key}\n${exp}`).digest("base64url");
}

/** Valid until `exp` included; `now` in unix seconds. Constant-time comparison of the signature. */
export function verifyMediaSignature(
	key: string,
	exp: string | number | undefined,
	sig: string | undefined,
	secret: string,
	now: number = Math.floor(Date.now() / 1000),
): boolean {
	if (exp === undefined || sig === undefined) return false;
	const expText = String(exp);
	if (!/^\d{1,12}$/.test(expText)) return false;
	const expires = Number(expText);
	if (expires < now) return false;
	const expected = Buffer.from(signMediaKey(key, expires, secret));
	const given = Buffer.from(sig);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export const signingSecretFileName = "media-signing-secret";

/**
 * The secret of MEDIA_SIGNING_SECRET, or else one generated once into DATA_DIR so the api and
 * the worker of one machine agree. Several api machines must share MEDIA_SIGNING_SECRET.
 * Created with link(2) from a complete temp file: two processes starting together both end up
 * reading the same secret, and a crash never leaves a truncated one.
 */
export function resolveMediaSigningSecret(env: { MEDIA_SIGNING_SECRET?: string; DATA_DIR: string }): string {
	if (env.MEDIA_SIGNING_SECRET) return env.MEDIA_SIGNING_SECRET;
	const file = path.resolve(env.DATA_DIR, signingSecretFileName);
	const existing = readSecret(file);
	if (existing !== undefined) return existing;
	mkdirSync(path.dirname(file), { recursive: true });
	const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
	writeFileSync(temp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
	try {
		linkSync(temp, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
	} finally {
		rmSync(temp, { force: true });
	}
	const created = readSecret(file);
	if (created === undefined) throw new Error(`Could not read the media signing secret in ${file}`);
	return created;
}

function readSecret(file: string): string | undefined {
	let text: string;
	try {
		text = readFileSync(file, "utf8").trim();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
		throw error;
	}
	if (text.length < 32) {
		throw new Error(
			`${file} holds no valid media signing secret (at least 32 characters): delete it to generate a new one (signed media URLs already given out stop working)`,
		);
	}
	return text;
}

import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** lucia's sessions guide: 20 random bytes (160 bits), base32 in the cookie / Bearer header. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this hash is stored, so a leaked session table holds no usable token. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Download links (receipt emails) use the sessions' scheme: a random token out, only its hash stored. */
export const generateDownloadToken = generateSessionToken;
export const downloadTokenHash = sessionIdFromToken;

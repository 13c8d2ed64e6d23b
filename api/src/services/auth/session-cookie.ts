import type { Env } from "@focus-racer/core";

export const sessionCookieName = "fr_session";

/** Secure when the public origin is https (always in production behind Caddy). */
function isSecure(env: Env): boolean {
	return env.PUBLIC_URL?.startsWith("https://") ?? env.NODE_ENV === "production";
}

export function sessionCookie(env: Env, token: string, expiresAt: Date): string {
	const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
	const parts = [`${sessionCookieName}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
	if (isSecure(env)) parts.push("Secure");
	return parts.join("; ");
}

export function clearedSessionCookie(env: Env): string {
	const parts = [`${sessionCookieName}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
	if (isSecure(env)) parts.push("Secure");
	return parts.join("; ");
}

export function readSessionCookie(cookieHeader: string | null): string | undefined {
	if (!cookieHeader) return undefined;
	for (const part of cookieHeader.split(";")) {
		const [name, ...rest] = part.trim().split("=");
		if (name === sessionCookieName) return rest.join("=") || undefined;
	}
	return undefined;
}

import type { Env } from "@focus-racer/core";

/** The origin links in mails point at: PUBLIC_URL, else this machine's port. */
export function siteUrl(env: Pick<Env, "PUBLIC_URL" | "PORT">): string {
	return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

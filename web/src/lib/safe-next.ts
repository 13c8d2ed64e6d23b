/** Auth pages themselves are never a destination after logging in (it would loop). */
const excluded = ["/login", "/register"];

/**
 * `?next=` comes from the address bar, so anyone can craft it: only a path of this site is
 * followed, never another origin (open redirect), and never a protocol-relative `//host`.
 */
export function safeNextPath(next: unknown, origin: string = window.location.origin): string | undefined {
	if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
		return undefined;
	}
	try {
		const url = new URL(next, origin);
		if (url.origin !== origin) return undefined;
		if (excluded.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`)))
			return undefined;
		return `${url.pathname}${url.search}${url.hash}`;
	} catch {
		return undefined;
	}
}

/** The login address that brings the visitor back to `path` afterwards. */
export function loginPathFor(path: string): string {
	return `/login?next=${encodeURIComponent(path)}`;
}

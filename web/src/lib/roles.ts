import { safeNextPath } from "./safe-next.ts";
import type { Role } from "./trpc.ts";

/** Roles served by the /pro space; organizers get their own wording in /organizer (PRODUCT §1). */
export const proSpaceRoles = [
	"photographer",
	"agency",
	"club",
	"federation",
] as const satisfies readonly Role[];

/** Roles that spend credits on uploads (the server's proProcedure tier). */
export const creditRoles = [...proSpaceRoles, "organizer"] as const satisfies readonly Role[];

// A Record, so a role added on the server without a landing here is a type error.
const landings: Record<Role, string> = {
	runner: "/account",
	photographer: "/pro",
	agency: "/pro",
	club: "/pro",
	federation: "/pro",
	organizer: "/organizer",
	admin: "/admin",
};

export function landingFor(role: Role): string {
	return landings[role];
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
	return allowed.includes(role);
}

/** After login or register: back to where the visitor was sent from (if on this site), else their space. */
export function destinationAfterAuth(role: Role, next: unknown): string {
	return safeNextPath(next) ?? landingFor(role);
}

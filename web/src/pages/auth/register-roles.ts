import type { RegisterRole } from "../../lib/trpc.ts";

/** Self-service roles, runner first (the default); admins are never self-registered. */
export const registerRoles = [
	"runner",
	"photographer",
	"organizer",
	"agency",
	"club",
	"federation",
] as const satisfies readonly RegisterRole[];

export function isRegisterRole(value: unknown): value is RegisterRole {
	return typeof value === "string" && (registerRoles as readonly string[]).includes(value);
}

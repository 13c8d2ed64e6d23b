import type { SpaceDefinition } from "../spaces.ts";

/**
 * The same tools speak to pros ("your events", "the start list") and to organizers ("your
 * races", "your start list", PRODUCT §1): texts that differ have one key per audience.
 */
export type Audience = "pro" | "organizer";

export function audienceOf(space: SpaceDefinition): Audience {
	return space.id === "organizer" ? "organizer" : "pro";
}

import { createContext, useContext } from "solid-js";
import type { SpaceDefinition } from "./spaces.ts";

/**
 * Provided by SpaceLayout: pages shared by several spaces (the pro's and the organizer's photo
 * tools) build their links inside the space they are shown in.
 */
export const CurrentSpaceContext = createContext<SpaceDefinition>();

export function useCurrentSpace(): SpaceDefinition {
	const space = useContext(CurrentSpaceContext);
	if (!space) throw new Error("useCurrentSpace must be used inside a space layout");
	return space;
}

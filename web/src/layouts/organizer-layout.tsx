import type { RouteSectionProps } from "@solidjs/router";
import type { JSX } from "solid-js";
import { spaces } from "../lib/spaces.ts";
import { SpaceLayout } from "./space-layout.tsx";

/** Race organizers. */
export function OrganizerLayout(props: RouteSectionProps): JSX.Element {
	return <SpaceLayout space={spaces.organizer}>{props.children}</SpaceLayout>;
}

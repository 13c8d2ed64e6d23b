import type { RouteSectionProps } from "@solidjs/router";
import type { JSX } from "solid-js";
import { spaces } from "../lib/spaces.ts";
import { SpaceLayout } from "./space-layout.tsx";

/** Photographers, agencies, clubs and federations. */
export function ProLayout(props: RouteSectionProps): JSX.Element {
	return <SpaceLayout space={spaces.pro}>{props.children}</SpaceLayout>;
}

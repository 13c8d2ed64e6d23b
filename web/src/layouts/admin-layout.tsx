import type { RouteSectionProps } from "@solidjs/router";
import type { JSX } from "solid-js";
import { spaces } from "../lib/spaces.ts";
import { SpaceLayout } from "./space-layout.tsx";

/** Platform administrators only (the server checks too). */
export function AdminLayout(props: RouteSectionProps): JSX.Element {
	return <SpaceLayout space={spaces.admin}>{props.children}</SpaceLayout>;
}

import type { RouteSectionProps } from "@solidjs/router";
import type { JSX } from "solid-js";
import { spaces } from "../lib/spaces.ts";
import { SpaceLayout } from "./space-layout.tsx";

/** Runners' own account. */
export function AccountLayout(props: RouteSectionProps): JSX.Element {
	return <SpaceLayout space={spaces.account}>{props.children}</SpaceLayout>;
}

import { Title } from "@solidjs/meta";
import type { JSX } from "solid-js";

/** The tab title of a page: "Page · Focus Racer". */
export function PageTitle(props: { children: string }): JSX.Element {
	return <Title>{`${props.children} · Focus Racer`}</Title>;
}

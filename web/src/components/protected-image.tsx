import { type JSX, splitProps } from "solid-js";

/**
 * A gallery image with the courtesy protections of PRODUCT §8: no context menu, no drag, no
 * long-press "save image" callout on iOS. Not security (the watermark is): it only keeps a
 * casual visitor from saving the preview instead of buying the photo.
 */
export function ProtectedImage(
	props: JSX.ImgHTMLAttributes<HTMLImageElement> & { alt: string },
): JSX.Element {
	const [local, rest] = splitProps(props, ["class", "style", "alt"]);
	return (
		<img
			{...rest}
			alt={local.alt}
			draggable={false}
			onContextMenu={(e) => e.preventDefault()}
			onDragStart={(e) => e.preventDefault()}
			class={`select-none ${local.class ?? ""}`}
			style={{ "-webkit-touch-callout": "none", ...(typeof local.style === "object" ? local.style : {}) }}
		/>
	);
}

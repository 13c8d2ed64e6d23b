import { ImagePlus } from "lucide-solid";
import { createSignal, createUniqueId, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { acceptAttribute } from "../../lib/upload/accepted-files.ts";

/**
 * Where photos come in: drag and drop, or a click (or Enter/Space on the focused field) that
 * opens the file picker. A real file input sits inside the label, so keyboards and screen
 * readers get the browser's own control; the label draws its focus ring.
 */
export function DropZone(props: {
	onFiles: (files: File[]) => void;
	compact?: boolean;
	describedBy?: string;
}): JSX.Element {
	const { t } = useI18n();
	const id = `photos-${createUniqueId()}`;
	const [over, setOver] = createSignal(false);
	// dragenter/dragleave fire for every child crossed: count them to know when the pointer left.
	let depth = 0;

	const onDrop: JSX.EventHandler<HTMLLabelElement, DragEvent> = (event) => {
		event.preventDefault();
		depth = 0;
		setOver(false);
		const files = Array.from(event.dataTransfer?.files ?? []);
		if (files.length > 0) props.onFiles(files);
	};

	return (
		<label
			for={id}
			class="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-2xl border-2 border-dashed px-6 text-center transition-colors focus-within:border-brand-500 focus-within:ring-4 focus-within:ring-brand-500/20"
			classList={{
				"border-brand-500 bg-brand-50": over(),
				"border-ink-200 bg-ink-50/60 hover:border-brand-300 hover:bg-brand-50/40": !over(),
				"py-12 sm:py-16": !props.compact,
				"py-5": props.compact,
			}}
			onDragEnter={(e) => {
				e.preventDefault();
				depth++;
				setOver(true);
			}}
			onDragOver={(e) => {
				e.preventDefault();
				if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
			}}
			onDragLeave={() => {
				depth = Math.max(0, depth - 1);
				if (depth === 0) setOver(false);
			}}
			onDrop={onDrop}
		>
			<span
				class="flex items-center justify-center rounded-2xl bg-white text-brand-600 shadow-sm ring-1 ring-ink-100"
				classList={{ "size-14": !props.compact, "size-10": props.compact }}
			>
				<ImagePlus class={props.compact ? "size-5" : "size-7"} aria-hidden="true" />
			</span>
			<span class="font-semibold text-ink-900" classList={{ "text-lg": !props.compact }}>
				{over() ? t("upload.dropActive") : t("upload.dropTitle")}
			</span>
			<span class="text-sm text-ink-600">
				<span class="font-semibold text-brand-700 underline underline-offset-2">
					{t("upload.dropAction")}
				</span>
			</span>
			<span class="text-xs text-ink-500">{t("upload.dropFormats")}</span>
			<input
				id={id}
				type="file"
				multiple
				accept={acceptAttribute}
				class="sr-only"
				aria-describedby={props.describedBy}
				onChange={(e) => {
					const files = Array.from(e.currentTarget.files ?? []);
					// Cleared so picking the same files again still fires a change.
					e.currentTarget.value = "";
					if (files.length > 0) props.onFiles(files);
				}}
			/>
		</label>
	);
}

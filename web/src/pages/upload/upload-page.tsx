import { revalidate, useBeforeLeave, useParams, useSearchParams } from "@solidjs/router";
import { createRoot, createSignal, type JSX, onCleanup, Show } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { getCreditBalance } from "../../lib/queries/credit-balance.ts";
import { getEventPhotos } from "../../lib/queries/event-photos.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { spacePaths } from "../../lib/spaces.ts";
import type { ManagedEvent } from "../../lib/trpc.ts";
import { startUploadRun, type UploadRun } from "../../lib/upload/upload-run.ts";
import { UploadProgressView } from "./upload-progress-view.tsx";
import { type StartedImport, UploadSetup } from "./upload-setup.tsx";

interface ActiveImport {
	run: UploadRun;
	event: ManagedEvent;
	dispose: () => void;
}

/**
 * `/pro/upload` and `/pro/events/:eventId/upload` (and the organizer's): set the import up,
 * then follow it to the end. Leaving while files are still being sent asks first: the files
 * not sent yet would not be imported (those already sent are processed anyway).
 */
export function UploadPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ eventId?: string }>();
	const [searchParams] = useSearchParams();
	const space = useCurrentSpace();
	const paths = spacePaths(space);
	const section = space.sections.find((s) => s.kind === "upload")?.section ?? "upload";
	const initialEventId = () =>
		params.eventId ?? (typeof searchParams.event === "string" ? searchParams.event : undefined);
	const [active, setActive] = createSignal<ActiveImport>();
	// "Import more photos" comes back to the same event.
	const [lastEventId, setLastEventId] = createSignal<string>();

	const start = (started: StartedImport) => {
		// The run owns stores and memos: its own root, disposed with the page or on restart.
		const root = createRoot((dispose) => {
			const run = startUploadRun({
				eventId: started.event.id,
				batchId: started.batchId,
				files: started.files,
				fullResolution: started.fullResolution,
				// Credits were spent as photos were accepted: whatever shows them asks again.
				onFinished: () => void revalidate([getCreditBalance.key, getMyEvents.key, getEventPhotos.key]),
			});
			return { run, dispose };
		});
		setLastEventId(started.event.id);
		setActive({ run: root.run, event: started.event, dispose: root.dispose });
		window.scrollTo({ top: 0 });
	};

	const stopActive = () => {
		const current = active();
		if (!current) return;
		current.run.dispose();
		current.dispose();
	};
	onCleanup(stopActive);

	const sending = () => {
		const run = active()?.run;
		if (!run || run.isFinished() || run.state.cancelled || run.state.fatal) return false;
		return run.counts().sent < run.counts().toSend;
	};
	useBeforeLeave((event) => {
		if (!sending() || event.defaultPrevented) return;
		event.preventDefault();
		if (window.confirm(t("upload.leaveConfirm"))) event.retry(true);
	});
	const onBeforeUnload = (event: BeforeUnloadEvent) => {
		if (sending()) event.preventDefault();
	};
	window.addEventListener("beforeunload", onBeforeUnload);
	onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

	return (
		<div>
			<PageTitle>{t(`sections.${section}.title`)}</PageTitle>
			{/* Inside an event's tabs the event's name is the page's h1. */}
			<Show when={!params.eventId} fallback={<h2 class="sr-only">{t(`sections.${section}.title`)}</h2>}>
				<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{t(`sections.${section}.title`)}</h1>
				<p class="mt-2 text-ink-600">{t(`sections.${section}.description`)}</p>
			</Show>
			<div classList={{ "mt-8": !params.eventId }}>
				<Show
					when={active()}
					keyed
					fallback={
						<UploadSetup initialEventId={lastEventId() ?? initialEventId()} paths={paths} onStarted={start} />
					}
				>
					{(current) => (
						<UploadProgressView
							run={current.run}
							event={current.event}
							paths={paths}
							onRestart={() => {
								stopActive();
								setActive(undefined);
							}}
						/>
					)}
				</Show>
			</div>
		</div>
	);
}

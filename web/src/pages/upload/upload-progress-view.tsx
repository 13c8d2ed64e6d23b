import { A } from "@solidjs/router";
import { CircleCheck, Coins, Images, LogIn, RotateCcw, Square, Upload, WifiOff } from "lucide-solid";
import { For, type JSX, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { loginPathFor } from "../../lib/safe-next.ts";
import type { SpacePaths } from "../../lib/spaces.ts";
import type { ManagedEvent } from "../../lib/trpc.ts";
import type { UploadChunk, UploadRun } from "../../lib/upload/upload-run.ts";
import { FunFact } from "./fun-fact.tsx";
import { RejectedList, UploadItemList } from "./upload-item-list.tsx";
import { UploadTimeline } from "./upload-timeline.tsx";

/** The import under way: timeline, problems to act on, company while it runs, then what to do next. */
export function UploadProgressView(props: {
	run: UploadRun;
	event: ManagedEvent;
	paths: SpacePaths;
	onRestart: () => void;
}): JSX.Element {
	const { t } = useI18n();
	const state = () => props.run.state;
	const finished = () => props.run.isFinished();
	const rejected = () => state().items.filter((i) => i.phase === "rejected" || i.phase === "failed");
	const sending = () =>
		!finished() &&
		!state().cancelled &&
		!state().fatal &&
		props.run.counts().sent < props.run.counts().toSend;

	const stop = () => {
		if (window.confirm(t("upload.stopConfirm"))) props.run.cancel();
	};

	return (
		<div class="space-y-6" data-testid="upload-run">
			<div class="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
				<div class="min-w-0">
					<h2 class="text-lg font-bold text-ink-900 sm:text-xl">
						{finished()
							? t("upload.doneHeading", props.event.name)
							: t("upload.runningTitle", props.event.name)}
					</h2>
					<p class="mt-1 text-sm text-ink-600" aria-live="polite">
						{t(
							"upload.counts",
							props.run.counts().ready,
							props.run.counts().rejected,
							props.run.counts().failed,
						)}
					</p>
				</div>
				<Show when={sending()}>
					<button type="button" class="btn-secondary shrink-0 self-start" onClick={stop}>
						<Square class="size-4" aria-hidden="true" />
						{t("upload.stop")}
					</button>
				</Show>
			</div>

			<UploadTimeline run={props.run} />

			<Show when={state().connection === "reconnecting" && !finished()}>
				<p class="flex items-center gap-2 text-sm text-amber-800" role="status">
					<WifiOff class="size-4" aria-hidden="true" />
					{t("upload.reconnecting")}
				</p>
			</Show>

			<Show when={state().fatal}>
				{(fatal) => (
					<Alert tone="error">
						<Switch>
							<Match when={fatal().kind === "credits"}>
								<p>{t("upload.fatalCredits")}</p>
								<A
									href={props.paths.credits}
									class="mt-2 inline-flex items-center gap-1.5 font-semibold underline"
								>
									<Coins class="size-4" aria-hidden="true" />
									{t("upload.buyCredits")}
								</A>
							</Match>
							<Match when={fatal().kind === "auth"}>
								<p>{t("upload.fatalAuth")}</p>
								{/* A full page load: the session is checked afresh. */}
								<a
									href={loginPathFor(props.paths.upload(props.event.id))}
									class="mt-2 inline-flex items-center gap-1.5 font-semibold underline"
								>
									<LogIn class="size-4" aria-hidden="true" />
									{t("upload.loginAgain")}
								</a>
							</Match>
							<Match when={fatal().kind === "notFound"}>
								<p>{t("upload.fatalNotFound")}</p>
							</Match>
						</Switch>
					</Alert>
				)}
			</Show>

			<Show when={props.run.failedChunks().length > 0}>
				<FailedChunks
					chunks={props.run.failedChunks()}
					onRetry={props.run.retry}
					onRetryAll={props.run.retryAll}
				/>
			</Show>

			<Show when={state().cancelled}>
				<Alert tone="info">{t("upload.stopped")}</Alert>
			</Show>

			<Show when={finished()} fallback={<FunFact progress={props.run.progress()} />}>
				<div
					class="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between"
					data-testid="upload-finished"
					data-ready={props.run.counts().ready}
					data-rejected={props.run.counts().rejected}
					data-failed={props.run.counts().failed}
				>
					<div role="status" class="flex items-start gap-3">
						<CircleCheck class="mt-0.5 size-6 shrink-0 text-emerald-600" aria-hidden="true" />
						<div>
							<p class="font-bold text-ink-900">{t("upload.steps.done")}</p>
							<p class="mt-0.5 text-sm text-ink-600">
								{t(
									"upload.doneSummary",
									props.run.counts().ready,
									props.run.counts().rejected,
									props.run.counts().failed,
								)}
							</p>
						</div>
					</div>
					<div class="flex flex-wrap gap-2">
						<A href={props.paths.event(props.event.id)} class="btn-primary">
							<Images class="size-4" aria-hidden="true" />
							{t("upload.viewPhotos")}
						</A>
						<button type="button" class="btn-secondary" onClick={() => props.onRestart()}>
							<Upload class="size-4" aria-hidden="true" />
							{t("upload.importMore")}
						</button>
					</div>
				</div>
			</Show>

			<Show when={rejected().length > 0}>
				<RejectedList items={rejected()} />
			</Show>

			<UploadItemList items={state().items} />
		</div>
	);
}

function FailedChunks(props: {
	chunks: readonly UploadChunk[];
	onRetry: (id: number) => void;
	onRetryAll: () => void;
}): JSX.Element {
	const { t } = useI18n();
	const detail = (chunk: UploadChunk) => {
		const error = chunk.error;
		if (!error) return "";
		if (error.status === 0) return t("upload.networkError");
		return error.message || t("upload.httpError", error.status);
	};
	return (
		<div class="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" role="alert">
			<ul class="space-y-2">
				<For each={props.chunks}>
					{(chunk) => (
						<li class="flex flex-wrap items-center justify-between gap-2">
							<span>{t("upload.chunkFailed", chunk.refs.length, detail(chunk))}</span>
							<button type="button" class="btn-secondary px-3 py-1.5" onClick={() => props.onRetry(chunk.id)}>
								<RotateCcw class="size-4" aria-hidden="true" />
								{t("upload.retry")}
							</button>
						</li>
					)}
				</For>
			</ul>
			<p class="mt-3 text-xs text-red-800">{t("upload.chunkFailedHint")}</p>
			<Show when={props.chunks.length > 1}>
				<button type="button" class="btn-primary mt-3" onClick={() => props.onRetryAll()}>
					<RotateCcw class="size-4" aria-hidden="true" />
					{t("upload.retryAll")}
				</button>
			</Show>
		</div>
	);
}

import { Check } from "lucide-solid";
import { Index, type JSX, Match, Show, Switch } from "solid-js";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { UploadRun } from "../../lib/upload/upload-run.ts";

type StepState = "pending" | "active" | "done";

interface Step {
	key: "compress" | "upload" | "processing" | "done";
	state: StepState;
	detail: string;
}

/** The four steps of PRODUCT.md §3 with their counts, and one bar for the whole import. */
export function UploadTimeline(props: { run: UploadRun }): JSX.Element {
	const { t } = useI18n();
	const steps = (): Step[] => {
		const c = props.run.counts();
		const finished = props.run.isFinished();
		const prepared = c.prepared >= c.toSend;
		const sent = c.sent >= c.toSend;
		return [
			{
				key: "compress",
				state: prepared ? "done" : "active",
				detail: props.run.fullResolution
					? t("upload.compressSkipped")
					: t("upload.stepCount", c.prepared, c.toSend),
			},
			{
				key: "upload",
				state: sent ? "done" : c.prepared > 0 ? "active" : "pending",
				// Bytes move before whole photos count as sent: the share sent shows it.
				detail:
					sent || c.prepared === 0
						? t("upload.stepCount", c.sent, c.toSend)
						: `${t("upload.stepCount", c.sent, c.toSend)} · ${t("upload.percent", Math.floor(c.sentProgress * 100))}`,
			},
			{
				key: "processing",
				state: finished ? "done" : c.accepted > 0 ? "active" : "pending",
				detail: t("upload.stepCount", c.processed, c.toProcess),
			},
			{
				key: "done",
				state: finished ? "done" : "pending",
				detail: finished ? t("upload.counts", c.ready, c.rejected, c.failed) : "",
			},
		];
	};
	const percent = () => Math.round(props.run.progress() * 100);

	return (
		<div class="card p-5 sm:p-6">
			<ol class="grid grid-cols-4 gap-2">
				<Index each={steps()}>
					{(step, index) => (
						<li
							class="relative flex flex-col items-center text-center"
							data-testid={`upload-step-${step().key}`}
							data-state={step().state}
							aria-current={step().state === "active" ? "step" : undefined}
						>
							{/* The line joining this step to the next one. */}
							<Show when={index < 3}>
								<span
									aria-hidden="true"
									class="absolute top-4 left-[calc(50%+1.25rem)] h-0.5 w-[calc(100%-2rem)] rounded"
									classList={{
										"bg-brand-500": step().state === "done",
										"bg-ink-200": step().state !== "done",
									}}
								/>
							</Show>
							<span
								class="relative flex size-8 items-center justify-center rounded-full text-sm font-bold"
								classList={{
									"bg-brand-600 text-white": step().state === "done",
									"bg-brand-50 text-brand-700 ring-2 ring-brand-500": step().state === "active",
									"bg-ink-100 text-ink-500": step().state === "pending",
								}}
							>
								<Switch fallback={index + 1}>
									<Match when={step().state === "done"}>
										<Check class="size-4" aria-hidden="true" />
									</Match>
									<Match when={step().state === "active"}>
										<Spinner class="size-4" />
									</Match>
								</Switch>
							</span>
							<span
								class="mt-2 text-xs font-semibold sm:text-sm"
								classList={{
									"text-ink-900": step().state !== "pending",
									"text-ink-500": step().state === "pending",
								}}
							>
								{t(`upload.steps.${step().key}`)}
							</span>
							<span class="mt-0.5 text-[0.7rem] text-ink-500 tabular-nums sm:text-xs">{step().detail}</span>
						</li>
					)}
				</Index>
			</ol>
			<div class="mt-6">
				<div class="mb-1.5 flex items-center justify-between text-sm">
					<span class="font-medium text-ink-700" id="upload-progress-label">
						{t("upload.progressLabel")}
					</span>
					<span class="font-bold text-ink-900 tabular-nums">{t("upload.percent", percent())}</span>
				</div>
				<div
					class="h-3 overflow-hidden rounded-full bg-ink-100"
					role="progressbar"
					aria-labelledby="upload-progress-label"
					aria-valuemin={0}
					aria-valuemax={100}
					aria-valuenow={percent()}
				>
					<div
						class="h-full rounded-full bg-gradient-to-r from-brand-500 to-brand-600 transition-[width] duration-500"
						style={{ width: `${percent()}%` }}
					/>
				</div>
			</div>
		</div>
	);
}

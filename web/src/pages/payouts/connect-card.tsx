import { CircleCheck, CircleDashed, ExternalLink } from "lucide-solid";
import { createSignal, type JSX, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { PayoutStatus } from "../../lib/pro/pro-types.ts";
import { trpc } from "../../lib/trpc.ts";

/**
 * Stripe Connect Express: where the seller stands (not connected, details missing, ready) and
 * the one button that moves them on — onboarding, or Stripe's own dashboard once connected.
 */
export function ConnectCard(props: { status: PayoutStatus; returnPath: string }): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const ready = () => props.status.connected && props.status.chargesEnabled;
	const open = async (kind: "onboard" | "dashboard") => {
		setPending(true);
		setError(undefined);
		try {
			const { url } =
				kind === "onboard"
					? await trpc.payouts.onboard.mutate({ returnPath: props.returnPath })
					: await trpc.payouts.dashboard.mutate();
			window.location.assign(url);
		} catch (err) {
			setError(apiErrorMessage(err, t));
			setPending(false);
		}
	};
	const flag = (on: boolean, label: string) => (
		<li class="flex items-center gap-2">
			<Show when={on} fallback={<CircleDashed class="size-4 text-ink-400" aria-hidden="true" />}>
				<CircleCheck class="size-4 text-emerald-600" aria-hidden="true" />
			</Show>
			<span classList={{ "text-ink-900": on, "text-ink-500": !on }}>{label}</span>
			<span class="sr-only">{on ? t("payouts.yes") : t("payouts.no")}</span>
		</li>
	);
	return (
		<section
			class="card p-5 sm:p-6"
			aria-labelledby="connect-title"
			data-testid="connect-card"
			data-ready={ready()}
		>
			<div class="flex flex-wrap items-start justify-between gap-3">
				<div>
					<h2 id="connect-title" class="text-lg font-bold text-ink-900">
						{t("payouts.connectTitle")}
					</h2>
					<p class="mt-1 text-sm font-semibold">
						<Switch>
							<Match when={ready()}>
								<span class="text-emerald-700">{t("payouts.statusReady")}</span>
							</Match>
							<Match when={props.status.connected}>
								<span class="text-amber-700">{t("payouts.statusIncomplete")}</span>
							</Match>
							<Match when={!props.status.connected}>
								<span class="text-ink-600">{t("payouts.statusNone")}</span>
							</Match>
						</Switch>
					</p>
				</div>
				<Show when={props.status.mode === "stripe"}>
					<Show
						when={ready()}
						fallback={
							<button
								type="button"
								class="btn-primary"
								disabled={pending()}
								onClick={() => void open("onboard")}
							>
								<Show when={pending()} fallback={<ExternalLink class="size-4" aria-hidden="true" />}>
									<Spinner class="size-4" />
								</Show>
								{props.status.connected ? t("payouts.continueOnboarding") : t("payouts.connect")}
							</button>
						}
					>
						<button
							type="button"
							class="btn-secondary"
							disabled={pending()}
							onClick={() => void open("dashboard")}
						>
							<Show when={pending()} fallback={<ExternalLink class="size-4" aria-hidden="true" />}>
								<Spinner class="size-4" />
							</Show>
							{t("payouts.dashboard")}
						</button>
					</Show>
				</Show>
			</div>
			<ul class="mt-4 grid gap-1.5 text-sm sm:grid-cols-3">
				{flag(props.status.detailsSubmitted, t("payouts.detailsSubmitted"))}
				{flag(props.status.chargesEnabled, t("payouts.chargesEnabled"))}
				{flag(props.status.payoutsEnabled, t("payouts.payoutsEnabled"))}
			</ul>
			<div class="mt-5 rounded-xl bg-ink-50 p-4 text-sm text-ink-700">
				<p class="font-semibold text-ink-900">{t("payouts.howTitle")}</p>
				<p class="mt-1">{t("payouts.howConnected")}</p>
				<p class="mt-1">{t("payouts.howNotConnected")}</p>
			</div>
			<Show when={props.status.mode !== "stripe"}>
				<div class="mt-4">
					<Alert tone="info">
						{props.status.mode === "test" ? t("payouts.testMode") : t("payouts.disabled")}
					</Alert>
				</div>
			</Show>
			<Show when={error()}>
				{(message) => (
					<div class="mt-4">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</section>
	);
}

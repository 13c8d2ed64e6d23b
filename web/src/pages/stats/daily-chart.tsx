import { createSignal, For, type JSX, onCleanup, onMount, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { niceMax, ticks } from "../../lib/pro/chart-scale.ts";
import type { DailyPoint } from "../../lib/pro/pro-types.ts";

const height = 220;
const pad = { top: 12, right: 34, bottom: 26, left: 34 };

function dayLabel(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
		new Date(`${day}T00:00:00Z`),
	);
}

/**
 * The last 30 days: visitors as bars (left axis), paid orders as a line (right axis, its own
 * scale: a few orders next to hundreds of visitors would lie flat). Drawn in pixels at the
 * width of its box, so labels keep their size on a phone and on a wide screen.
 */
export function DailyChart(props: { daily: readonly DailyPoint[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	let box: HTMLDivElement | undefined;
	const [width, setWidth] = createSignal(640);
	onMount(() => {
		if (!box) return;
		const observer = new ResizeObserver(([entry]) => {
			if (entry) setWidth(Math.max(280, Math.floor(entry.contentRect.width)));
		});
		observer.observe(box);
		onCleanup(() => observer.disconnect());
	});
	const visitorsMax = () => niceMax(Math.max(0, ...props.daily.map((d) => d.visitors)));
	const ordersMax = () => niceMax(Math.max(0, ...props.daily.map((d) => d.orders)));
	const plotWidth = () => width() - pad.left - pad.right;
	const plotHeight = height - pad.top - pad.bottom;
	const slot = () => plotWidth() / Math.max(1, props.daily.length);
	const x = (index: number) => pad.left + index * slot();
	const yVisitors = (value: number) => pad.top + plotHeight - (value / visitorsMax()) * plotHeight;
	const yOrders = (value: number) => pad.top + plotHeight - (value / ordersMax()) * plotHeight;
	const line = () => props.daily.map((d, i) => `${x(i) + slot() / 2},${yOrders(d.orders)}`).join(" ");
	const totals = () => ({
		visitors: props.daily.reduce((s, d) => s + d.visitors, 0),
		orders: props.daily.reduce((s, d) => s + d.orders, 0),
	});
	// A label every week: 30 of them would overlap on a phone.
	const labelled = (index: number) => {
		const last = props.daily.length - 1;
		return index === last || (index % 7 === 0 && last - index >= 4);
	};

	return (
		<figure>
			<div ref={box} class="w-full">
				<svg
					width={width()}
					height={height}
					role="img"
					aria-label={t("stats.chartSummary", totals().visitors, totals().orders)}
					class="block text-ink-400"
					data-testid="daily-chart"
				>
					<For each={ticks(visitorsMax())}>
						{(value) => (
							<g>
								<line
									x1={pad.left}
									x2={width() - pad.right}
									y1={yVisitors(value)}
									y2={yVisitors(value)}
									stroke="currentColor"
									stroke-opacity="0.25"
									stroke-dasharray={value === 0 ? undefined : "3 3"}
								/>
								<text
									x={pad.left - 6}
									y={yVisitors(value) + 4}
									text-anchor="end"
									font-size="11"
									fill="currentColor"
								>
									{value}
								</text>
							</g>
						)}
					</For>
					<For each={ticks(ordersMax())}>
						{(value) => (
							<text x={width() - pad.right + 6} y={yOrders(value) + 4} font-size="11" class="fill-brand-600">
								{value}
							</text>
						)}
					</For>
					<For each={props.daily}>
						{(day, index) => (
							<g>
								<rect
									x={x(index()) + slot() * 0.15}
									width={Math.max(1, slot() * 0.7)}
									y={yVisitors(day.visitors)}
									height={Math.max(0, pad.top + plotHeight - yVisitors(day.visitors))}
									rx="2"
									class="fill-ink-300"
								>
									<title>
										{t("stats.chartDay", dayLabel(day.day, intlLocale()), day.visitors, day.orders)}
									</title>
								</rect>
								<Show when={labelled(index())}>
									<text
										x={x(index()) + slot() / 2}
										y={height - 8}
										text-anchor="middle"
										font-size="11"
										fill="currentColor"
									>
										{dayLabel(day.day, intlLocale())}
									</text>
								</Show>
							</g>
						)}
					</For>
					<polyline
						points={line()}
						fill="none"
						stroke-width="2.5"
						stroke-linejoin="round"
						class="stroke-brand-600"
					/>
					<For each={props.daily}>
						{(day, index) => (
							<Show when={day.orders > 0}>
								<circle
									cx={x(index()) + slot() / 2}
									cy={yOrders(day.orders)}
									r="3.5"
									class="fill-brand-600"
								/>
							</Show>
						)}
					</For>
				</svg>
			</div>
			<figcaption class="mt-3 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-ink-600">
				<span class="inline-flex items-center gap-1.5">
					<span class="size-3 rounded-sm bg-ink-300" aria-hidden="true" />
					{t("stats.legendVisitors", totals().visitors)}
				</span>
				<span class="inline-flex items-center gap-1.5">
					<span class="h-0.5 w-4 rounded bg-brand-600" aria-hidden="true" />
					{t("stats.legendOrders", totals().orders)}
				</span>
			</figcaption>
		</figure>
	);
}

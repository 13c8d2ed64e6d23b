import { requireEventManager } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import { sql } from "drizzle-orm";
import { listManagedEvents } from "../events/list-managed-events.ts";

export interface EventMetrics {
	eventId: string;
	name: string;
	date: string;
	photos: number;
	ready: number;
	inProgress: number;
	rejected: number;
	failed: number;
	/** Ready photos with at least one runner (any source): what search can find. */
	withBib: number;
	/** Ready photos with a bib read by the AI (not typed, not matched by face). */
	withOcrBib: number;
	/** Ready photos nobody is filed under. */
	orphans: number;
	visitors: number;
	/** Distinct buyers (email) of paid orders, test payments included: conversion is behaviour. */
	buyers: number;
	paidOrders: number;
	testOrders: number;
	/** What runners paid (real payments only), and the platform's service fees in it. */
	revenueCents: number;
	serviceFeeCents: number;
	starters: number;
	/** Starters with at least one ready photo: the organizer's coverage. */
	coveredStarters: number;
}

/** Every figure of several events in one round trip (each a small aggregate on indexed columns). */
async function metricsOf(db: Db, eventIds: readonly string[]): Promise<EventMetrics[]> {
	if (eventIds.length === 0) return [];
	const ids = sql`array[${sql.join(
		eventIds.map((id) => sql`${id}::uuid`),
		sql`, `,
	)}]`;
	const rows = await db.execute<Record<string, string | number>>(sql`
		select e.id as "eventId", e.name, e.date::text as date,
			(select count(*) from photos p where p.event_id = e.id)::int as photos,
			(select count(*) from photos p where p.event_id = e.id and p.status = 'ready')::int as ready,
			(select count(*) from photos p where p.event_id = e.id and p.status in ('uploaded', 'processing'))::int as "inProgress",
			(select count(*) from photos p where p.event_id = e.id and p.status = 'rejected')::int as rejected,
			(select count(*) from photos p where p.event_id = e.id and p.status = 'failed')::int as failed,
			(select count(*) from photos p where p.event_id = e.id and p.status = 'ready'
				and exists (select 1 from photo_bibs b where b.photo_id = p.id))::int as "withBib",
			(select count(*) from photos p where p.event_id = e.id and p.status = 'ready'
				and exists (select 1 from photo_bibs b where b.photo_id = p.id and b.source = 'ocr'))::int as "withOcrBib",
			(select count(*) from event_visits v where v.event_id = e.id)::int as visitors,
			(select count(distinct o.buyer_email) from orders o where o.event_id = e.id and o.status = 'paid')::int as buyers,
			(select count(*) from orders o where o.event_id = e.id and o.status = 'paid' and not o.is_test_payment)::int as "paidOrders",
			(select count(*) from orders o where o.event_id = e.id and o.status = 'paid' and o.is_test_payment)::int as "testOrders",
			(select coalesce(sum(o.total_cents), 0) from orders o where o.event_id = e.id and o.status = 'paid' and not o.is_test_payment)::int as "revenueCents",
			(select coalesce(sum(o.service_fee_cents), 0) from orders o where o.event_id = e.id and o.status = 'paid' and not o.is_test_payment)::int as "serviceFeeCents",
			(select count(*) from start_list_entries s where s.event_id = e.id)::int as starters,
			(select count(*) from start_list_entries s where s.event_id = e.id and exists (
				select 1 from photo_bibs b join photos p on p.id = b.photo_id
				where b.event_id = e.id and b.bib = s.bib and p.status = 'ready'))::int as "coveredStarters"
		from events e
		where e.id = any(${ids})
		order by e.date desc, e.name`);
	return rows.map((row) => {
		const m = row as unknown as Omit<EventMetrics, "orphans">;
		return { ...m, orphans: m.ready - m.withBib };
	});
}

function ratio(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** The rates the pages show, from the counts (null when there is nothing to divide by). */
export function rates(m: EventMetrics) {
	return {
		bibReadRate: ratio(m.withOcrBib, m.ready),
		findableRate: ratio(m.withBib, m.ready),
		orphanRate: ratio(m.orphans, m.ready),
		conversionRate: ratio(m.buyers, m.visitors),
		coverage: ratio(m.coveredStarters, m.starters),
	};
}

/** The pro's (or organizer's) overall stats: one line per managed event, and their totals. */
export async function statsOverview(db: Db, user: { id: string; role: string }) {
	const managed = await listManagedEvents({ db, user });
	const events = await metricsOf(
		db,
		managed.map((e) => e.id),
	);
	const sum = (key: keyof EventMetrics) => events.reduce((s, e) => s + Number(e[key]), 0);
	const totals = {
		eventId: "",
		name: "",
		date: "",
		photos: sum("photos"),
		ready: sum("ready"),
		inProgress: sum("inProgress"),
		rejected: sum("rejected"),
		failed: sum("failed"),
		withBib: sum("withBib"),
		withOcrBib: sum("withOcrBib"),
		orphans: sum("orphans"),
		visitors: sum("visitors"),
		buyers: sum("buyers"),
		paidOrders: sum("paidOrders"),
		testOrders: sum("testOrders"),
		revenueCents: sum("revenueCents"),
		serviceFeeCents: sum("serviceFeeCents"),
		starters: sum("starters"),
		coveredStarters: sum("coveredStarters"),
	} satisfies EventMetrics;
	return {
		events: events.map((e) => ({ ...e, ...rates(e) })),
		totals: { ...totals, ...rates(totals) },
	};
}

/** One event's stats: the figures, 30 days of visits and sales for the charts, and its top runners. */
export async function eventStats(db: Db, user: { id: string; role: string }, eventId: string) {
	await requireEventManager(db, { eventId, user });
	const [metrics] = await metricsOf(db, [eventId]);
	const daily = await db.execute<{ day: string; visitors: number; orders: number; revenueCents: number }>(sql`
		with days as (select generate_series(current_date - 29, current_date, interval '1 day')::date as day)
		select days.day::text as day,
			(select count(*) from event_visits v where v.event_id = ${eventId}::uuid and v.day = days.day)::int as visitors,
			(select count(*) from orders o where o.event_id = ${eventId}::uuid and o.status = 'paid'
				and o.paid_at::date = days.day)::int as orders,
			(select coalesce(sum(o.total_cents), 0) from orders o where o.event_id = ${eventId}::uuid and o.status = 'paid'
				and not o.is_test_payment and o.paid_at::date = days.day)::int as "revenueCents"
		from days order by days.day`);
	const topRunners = await db.execute<{
		bib: string;
		firstName: string | null;
		lastName: string | null;
		photos: number;
		purchased: boolean;
	}>(sql`
		select b.bib, s.first_name as "firstName", s.last_name as "lastName", count(*)::int as photos,
			exists (select 1 from order_items i join orders o on o.id = i.order_id
				join photo_bibs b2 on b2.photo_id = i.photo_id
				where o.event_id = ${eventId}::uuid and o.status = 'paid' and b2.bib = b.bib) as purchased
		from photo_bibs b
		join photos p on p.id = b.photo_id and p.status = 'ready'
		left join start_list_entries s on s.event_id = b.event_id and s.bib = b.bib
		where b.event_id = ${eventId}::uuid
		group by b.bib, s.first_name, s.last_name
		order by photos desc, b.bib
		limit 10`);
	if (!metrics) throw new Error("event vanished while reading its stats");
	return { ...metrics, ...rates(metrics), daily: [...daily], topRunners: [...topRunners] };
}

/** The overview as CSV (one line per event), for spreadsheets: `;`-separated like French Excel expects. */
export function statsCsv(overview: Awaited<ReturnType<typeof statsOverview>>): string {
	const columns = [
		["name", "Event"],
		["date", "Date"],
		["photos", "Photos"],
		["ready", "Ready"],
		["rejected", "Rejected"],
		["failed", "Failed"],
		["bibReadRate", "Bib read rate"],
		["orphanRate", "Orphan rate"],
		["visitors", "Visitors"],
		["buyers", "Buyers"],
		["conversionRate", "Conversion"],
		["paidOrders", "Paid orders"],
		["revenueCents", "Revenue (cents)"],
		["starters", "Starters"],
		["coverage", "Coverage"],
	] as const;
	const cell = (value: unknown) => {
		const text = value === null || value === undefined ? "" : String(value);
		return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines = [columns.map(([, label]) => label).join(";")];
	for (const event of overview.events) lines.push(columns.map(([key]) => cell(event[key])).join(";"));
	// A BOM so Excel reads the accents of event names as UTF-8.
	return `\uFEFF${lines.join("\r\n")}\r\n`;
}

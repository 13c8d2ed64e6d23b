import type postgres from "postgres";

/** Names drawn for the start lists: accents on purpose, since name search folds them. */
const firstNames = [
	"José",
	"Zoé",
	"Chloé",
	"Léa",
	"Hélène",
	"Inès",
	"Noémie",
	"Jérôme",
	"Frédéric",
	"Anaïs",
	"Maëlle",
	"Raphaël",
	"Benoît",
	"Françoise",
	"Cécile",
	"Élodie",
	"Loïc",
	"Thomas",
	"Marie",
	"Lucas",
	"Emma",
	"Hugo",
	"Camille",
	"Louis",
	"Manon",
	"Jules",
	"Sofía",
	"Lucía",
	"Ángel",
	"Nicolás",
	"Björn",
	"Søren",
];
const lastNames = [
	"Lefèvre",
	"García",
	"Martínez",
	"Müller",
	"Dupont",
	"Durand",
	"Bernard",
	"Petit",
	"Moreau",
	"Fournier",
	"Girard",
	"Lambert",
	"Bonnet",
	"François",
	"Mercier",
	"Rousseau",
	"Guérin",
	"Perrin",
	"Clément",
	"Gauthier",
	"López",
	"Fernández",
	"González",
	"Rodríguez",
	"Sánchez",
	"Pérez",
	"Núñez",
	"Ibáñez",
	"Jiménez",
	"Chevalier",
	"Lemaître",
	"Schröder",
	"Öztürk",
	"Nguyen",
	"Besançon",
	"Gaël",
];
const places = [
	"Lyon",
	"Annecy",
	"Chamonix",
	"Besançon",
	"Nîmes",
	"Sète",
	"Orléans",
	"Évian",
	"Bâle",
	"Genève",
];

export interface SeedCounts {
	events: number;
	photosPerEvent: number;
	runnersPerEvent: number;
	/** Faces with embeddings, all on the first event (selfie search loads one event's faces). */
	faces: number;
}

export interface SeedResult {
	eventIds: string[];
	faceEventId: string;
	photos: number;
	photoBibs: number;
	runners: number;
	faces: number;
	/** Seconds per step, in order. */
	steps: { name: string; seconds: number }[];
}

/**
 * Seeds the public side of a big platform with set-based SQL only (generate_series, insert …
 * select): one statement per table, so a million rows take seconds, not the minutes row-by-row
 * inserts from JS would. Rows go in in the order real uploads write them (an event's photos
 * together, oldest first), so the heap is as clustered by event as a production one is.
 *
 * The usual bulk-load tricks, all undone before anything is measured: foreign-key triggers off
 * (session_replication_role = replica; every reference is right by construction); the primary
 * keys and indexes of photos and photo_bibs dropped before their load and rebuilt after it from
 * their own definitions (random-uuid keys inserted one by one cost more than the rows), then
 * the foreign keys to photos added back, validated; fsync and full-page writes off and a large
 * max_wal_size during the load (a reload, no restart), back on before a CHECKPOINT; independent
 * steps on two connections, one per core. The catalog (every constraint and index definition)
 * is compared before and after: the bench measures the schema of the migrations, nothing else.
 * Rebuilt indexes are packed, as after a REINDEX: a little smaller than grown ones.
 */
export async function seedBenchData(
	pool: postgres.Sql,
	counts: SeedCounts,
	selfie: { embedding: number[]; embeddingModel: string; matches: number },
	log: (line: string) => void,
): Promise<SeedResult> {
	const steps: SeedResult["steps"] = [];
	const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
		const started = performance.now();
		const out = await run();
		const seconds = (performance.now() - started) / 1000;
		steps.push({ name, seconds });
		log(`  ${name}: ${seconds.toFixed(1)} s`);
		return out;
	};
	const [a, b] = await Promise.all([loadSession(pool), loadSession(pool)]);
	try {
		const catalogBefore = await catalog(a);
		await a`alter system set fsync = off`;
		await a`alter system set full_page_writes = off`;
		await a`alter system set max_wal_size = '16GB'`;
		await a`select pg_reload_conf()`;
		const detached = await detachKeysAndIndexes(a, ["photos", "photo_bibs"]);
		const restore = (session: postgres.ReservedSql, table: string) => {
			const defs = detached.indexes.filter((d) => d.table === table);
			return step(`${table}: ${defs.length} indexes rebuilt (primary key's included)`, async () => {
				for (const d of defs) await session.unsafe(d.create);
			});
		};

		const [owner] = await a<{ id: string }[]>`
			insert into users (email, name, role, password_hash)
			-- Nobody logs in as this user: the bench only reads the public side.
			values ('bench-photographer@example.com', 'Bench Photographer', 'photographer', 'bench: no login')
			returning id`;
		if (!owner) throw new Error("seed: no owner");
		const eventIds = await step(`${counts.events} public events`, async () => {
			const rows = await a<{ id: string }[]>`
				insert into events (slug, name, date, place, owner_id, visibility)
				select 'bench-race-' || lpad(k::text, 4, '0'), 'Course de bench n° ' || k,
					date '2026-03-01' + k, (${a.array(places)}::text[])[1 + k % ${places.length}], ${owner.id}, 'public'
				from generate_series(1, ${counts.events}) k
				order by k
				returning id`;
			return rows.map((r) => r.id);
		});
		const faceEventId = eventIds[0];
		if (!faceEventId) throw new Error("seed: no event");

		const [runners, photos] = await Promise.all([
			step(`${counts.runnersPerEvent} runners per event (start lists)`, () => insertStartLists(a, counts)),
			step(`${counts.events * counts.photosPerEvent} ready photos`, () => insertPhotos(b, counts, owner.id)),
		]);
		const [photoBibs, faces] = await Promise.all([
			(async () => {
				const n = await step("photo_bibs (1 or 2 bibs per photo, from the start list)", () =>
					insertPhotoBibs(a, counts),
				);
				await restore(a, "photo_bibs");
				return n;
			})(),
			(async () => {
				await restore(b, "photos");
				return step(`${counts.faces} faces with 1024-d embeddings on one event`, () =>
					insertFaces(b, counts, faceEventId, selfie),
				);
			})(),
		]);
		await step(
			"primary keys on their rebuilt indexes, foreign keys to photos added back (validated)",
			async () => {
				for (const statement of detached.attach) await a.unsafe(statement);
			},
		);
		const catalogAfter = await catalog(a);
		if (catalogAfter !== catalogBefore) {
			const before = new Set(catalogBefore.split("\n"));
			const after = new Set(catalogAfter.split("\n"));
			const lost = [...before].filter((x) => !after.has(x));
			const gained = [...after].filter((x) => !before.has(x));
			throw new Error(
				`seed: the schema differs after the bulk load: lost ${lost.join("; ")}, gained ${gained.join("; ")}`,
			);
		}
		// The keys must name their own photo: one evaluation of gen_random_uuid() per row.
		const [keys] = await a<{ wrong: number }[]>`
			select count(*)::int as wrong from photos
			where micro_key not like 'events/' || event_id || '/micro/' || id || '-%'`;
		if (keys?.wrong) throw new Error(`seed: ${keys.wrong} photos have keys of another photo`);

		// VACUUM sets the visibility map and hint bits a long-lived database has; without it the
		// first reads during the load test would write them, and autovacuum would wake up on these
		// 2.5 M fresh rows in the middle of a measured run. CHECKPOINT for the same reason.
		await Promise.all([
			step("vacuum (analyze) photo_bibs, start lists", () =>
				a.unsafe("vacuum (analyze) photo_bibs, start_list_entries, events, users"),
			),
			step("vacuum (analyze) photos, faces", () => b.unsafe("vacuum (analyze) photos, faces")),
		]);
		await step("settings back, checkpoint", async () => {
			await a`alter system reset fsync`;
			await a`alter system reset full_page_writes`;
			await a`alter system reset max_wal_size`;
			await a`select pg_reload_conf()`;
			await a`checkpoint`;
		});
		return { eventIds, faceEventId, photos, photoBibs, runners, faces, steps };
	} finally {
		a.release();
		b.release();
	}
}

interface Detached {
	/** The indexes of the loaded tables, their primary keys' included, as CREATE statements. */
	indexes: { table: string; create: string }[];
	/**
	 * Then, once every table is loaded: the primary keys put back on their indexes (a catalog
	 * change, no scan: CREATE INDEX only takes a share lock, so the other connection's load can
	 * keep reading the table meanwhile, where ADD PRIMARY KEY would lock it), then the foreign
	 * keys to those keys.
	 */
	attach: string[];
}

/** Drops the keys and indexes of `tables` (and the foreign keys that need those keys), saving their SQL. */
async function detachKeysAndIndexes(sql: postgres.ReservedSql, tables: string[]): Promise<Detached> {
	const incoming = await sql<{ table: string; name: string; definition: string }[]>`
		select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
		from pg_constraint c
		where c.contype = 'f' and c.confrelid::regclass::text in ${sql(tables)}`;
	const keys = await sql<{ table: string; name: string; index: string }[]>`
		select c.conrelid::regclass::text as table, c.conname as name, i.indexdef as index
		from pg_constraint c join pg_indexes i on i.schemaname = 'public' and i.indexname = c.conname
		where c.contype = 'p' and c.conrelid::regclass::text in ${sql(tables)}`;
	const indexes = await sql<{ table: string; name: string; definition: string }[]>`
		select i.tablename as table, i.indexname as name, i.indexdef as definition
		from pg_indexes i
		where i.schemaname = 'public' and i.tablename in ${sql(tables)}
			and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
	const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
	for (const fk of incoming)
		await sql.unsafe(`alter table ${quote(fk.table)} drop constraint ${quote(fk.name)}`);
	for (const pk of keys) await sql.unsafe(`alter table ${quote(pk.table)} drop constraint ${quote(pk.name)}`);
	for (const index of indexes) await sql.unsafe(`drop index ${quote(index.name)}`);
	return {
		indexes: [
			...keys.map((k) => ({ table: k.table, create: k.index })),
			...indexes.map((i) => ({ table: i.table, create: i.definition })),
		],
		attach: [
			...keys.map(
				(k) =>
					`alter table ${quote(k.table)} add constraint ${quote(k.name)} primary key using index ${quote(k.name)}`,
			),
			...incoming.map(
				(fk) => `alter table ${quote(fk.table)} add constraint ${quote(fk.name)} ${fk.definition}`,
			),
		],
	};
}

/** Every constraint and index definition of the schema, as one comparable text. */
async function catalog(sql: postgres.ReservedSql): Promise<string> {
	const rows = await sql`
		select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
		from pg_constraint where connamespace = 'public'::regnamespace
		union all
		select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
		order by 1, 2, 3`;
	return rows.map((r) => `${r.table} ${r.name}: ${r.definition}`).join("\n");
}

/** A connection of its own, with the bulk-load settings (they are per session). */
async function loadSession(pool: postgres.Sql): Promise<postgres.ReservedSql> {
	const sql = await pool.reserve();
	// The whole seed is rebuilt on every run: no reason to wait for WAL flushes.
	await sql`set synchronous_commit = off`;
	await sql`set session_replication_role = replica`;
	await sql`set maintenance_work_mem = '512MB'`;
	await sql`set work_mem = '256MB'`;
	return sql;
}

async function insertStartLists(sql: postgres.ReservedSql, counts: SeedCounts): Promise<number> {
	const rows = await sql`
		insert into start_list_entries (event_id, bib, first_name, last_name, category)
		select e.id, b::text,
			(${sql.array(firstNames)}::text[])[1 + floor(random() * ${firstNames.length})::int],
			(${sql.array(lastNames)}::text[])[1 + floor(random() * ${lastNames.length})::int],
			(array['SEH', 'SEF', 'M1H', 'M1F', 'M2H', 'ESF'])[1 + b % 6]
		from events e cross join generate_series(1, ${counts.runnersPerEvent}) b
		order by e.slug, b`;
	return rows.count;
}

async function insertPhotos(sql: postgres.ReservedSql, counts: SeedCounts, ownerId: string): Promise<number> {
	// Taken over ~3.5 h of race, uploaded over ~4 h after it: created_at spreads over hours.
	// Keys follow core/src/storage/media-keys.ts, with a 10-hex version like mediaVersion().
	const rows = await sql`
		insert into photos (id, event_id, uploader_id, original_filename, original_key, web_key, thumb_key,
			micro_key, status, width, height, bytes, mime_type, taken_at, processed_at, created_at, updated_at,
			credit_charged, attempts, ocr_provider)
		select p.id, p.event_id, ${ownerId}, 'DSC_' || lpad(p.n::text, 5, '0') || '.JPG',
			p.dir || 'originals/' || p.id || '.jpg',
			p.dir || 'web/' || p.name || '.webp',
			p.dir || 'thumbs/' || p.name || '.webp',
			p.dir || 'micro/' || p.name || '.webp',
			'ready', case when p.n % 5 = 0 then 4000 else 6000 end, case when p.n % 5 = 0 then 6000 else 4000 end,
			6000000 + floor(random() * 6000000)::int, 'image/jpeg',
			p.taken, p.created + interval '40 seconds', p.created, p.created + interval '40 seconds', true, 1, 'local'
		from (
			select p.*, p.id || '-' || substr(md5(p.id::text), 1, 10) as name from (
			select gen_random_uuid() as id, e.id as event_id, e.dir, g.n,
				e.date + time '09:00' + g.n * interval '2.5 seconds' as taken,
				e.date + time '12:00' + g.n * interval '3 seconds' + random() * interval '3 seconds' as created
			from (select id, date, slug, 'events/' || id || '/' as dir from events) e
			cross join generate_series(1, ${counts.photosPerEvent}) g(n)
			order by e.slug, g.n
			) p
		) p`;
	return rows.count;
}

async function insertPhotoBibs(sql: postgres.ReservedSql, counts: SeedCounts): Promise<number> {
	// Half the photos show a second runner: 1.5 bibs per photo. The second bib differs from the
	// first by construction ((b1 + d) % n + 1 with d < n - 1), so (photo, bib) stays unique.
	const n = counts.runnersPerEvent;
	const rows = await sql`
		insert into photo_bibs (photo_id, event_id, bib, confidence, source, bbox_x, bbox_y, bbox_width,
			bbox_height, start_list_entry_id, created_at)
		select p.id, p.event_id, x.bib, 95, 'ocr', 0.42, 0.55, 0.08, 0.05, s.id, p.processed_at
		from (
			select id, event_id, processed_at, 1 + floor(random() * ${n})::int as b1,
				floor(random() * ${n - 1})::int as d, random() < 0.5 as two
			-- In heap order, which is upload order: photo_bibs come out grouped by event, as the
			-- pipeline writes them. Offset 0 fences random(): drawn once per photo, not per use.
			from photos offset 0
		) p
		cross join lateral (values (p.b1::text), (case when p.two then ((p.b1 + p.d) % ${n} + 1)::text end)) x(bib)
		join start_list_entries s on s.event_id = p.event_id and s.bib = x.bib
		where x.bib is not null`;
	return rows.count;
}

async function insertFaces(
	sql: postgres.ReservedSql,
	counts: SeedCounts,
	eventId: string,
	selfie: { embedding: number[]; embeddingModel: string; matches: number },
): Promise<number> {
	// Two faces per photo, unit vectors: uniform noise normalised (like bench:ai's), except the
	// first face of the first `matches` photos, which is the selfie's own embedding plus noise
	// (cosine ≈ 0.8): a selfie search has real matches to rank and photos to look up.
	const selfieLiteral = `{${selfie.embedding.join(",")}}`;
	const rows = await sql`
		insert into faces (photo_id, event_id, bbox_x, bbox_y, bbox_width, bbox_height, confidence, quality,
			embedding, embedding_model, created_at)
		select f.photo_id, f.event_id, 0.2 + 0.4 * f.slot, 0.2, 0.06, 0.09, 99, 0.5 + 0.5 * random(),
			v.vec, ${selfie.embeddingModel}, f.processed_at
		from (
			select p.id as photo_id, p.event_id, p.processed_at, s.slot, p.n, (p.n - 1) * 2 + s.slot + 1 as rn
			from (
				select id, event_id, processed_at, row_number() over (order by created_at) as n
				from photos where event_id = ${eventId}
			) p cross join generate_series(0, 1) s(slot)
		) f
		cross join lateral (
			select array_agg((x / norm)::real order by i) as vec
			from (
				select i, x, sqrt(sum(x * x) over ()) as norm
				from (
					select i, case when f.slot = 0 and f.n <= ${selfie.matches}
						then (${selfieLiteral}::float8[])[i] + (random() - 0.5) * 0.08
						else random() - 0.5 end as x
					from generate_series(1, ${selfie.embedding.length}) i
				) raw
			) normed
		) v
		where f.rn <= ${counts.faces}`;
	return rows.count;
}

/**
 * Gallery cursors deep in each event (the row at these offsets from the newest), in the service's
 * own form (created_at as PostgreSQL text, microseconds, then the id): what a visitor scrolling
 * far down sends.
 */
export async function deepCursors(
	sql: postgres.Sql,
	offsets: readonly number[],
): Promise<Map<string, string[]>> {
	const rows = await sql<{ event_id: string; cursor: string }[]>`
		select e.id as event_id, c.cursor
		from events e cross join unnest(${sql.array([...offsets])}::int[]) o(at)
		cross join lateral (
			select p.created_at::text || '|' || p.id as cursor
			from photos p
			where p.event_id = e.id and p.status = 'ready'
			order by p.created_at desc, p.id desc
			offset o.at limit 1
		) c`;
	const byEvent = new Map<string, string[]>();
	for (const row of rows) byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row.cursor]);
	return byEvent;
}

/** Bibs that are on at least one photo, and last names, per event: the search scenarios' inputs. */
export async function searchInputs(
	sql: postgres.Sql,
	perEvent: number,
): Promise<{ bibs: Map<string, string[]>; lastNames: Map<string, string[]> }> {
	const rows = await sql<{ event_id: string; bib: string; last_name: string }[]>`
		select e.id as event_id, s.bib, s.last_name
		from events e cross join lateral (
			select s.bib, s.last_name from start_list_entries s
			where s.event_id = e.id and exists (
				select 1 from photo_bibs b where b.event_id = s.event_id and b.bib = s.bib)
			order by random() limit ${perEvent}
		) s`;
	const bibs = new Map<string, string[]>();
	const names = new Map<string, string[]>();
	for (const row of rows) {
		bibs.set(row.event_id, [...(bibs.get(row.event_id) ?? []), row.bib]);
		names.set(row.event_id, [...(names.get(row.event_id) ?? []), row.last_name]);
	}
	return { bibs, lastNames: names };
}

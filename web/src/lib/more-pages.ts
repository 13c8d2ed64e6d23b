import { type Accessor, createEffect, createMemo, createSignal, on } from "solid-js";

/** One page of a list read by cursor: its rows, and the cursor of the next page (null: the last). */
export interface ListPage<Row> {
	rows: readonly Row[];
	next: string | null;
}

export interface MorePages<Row> {
	/** The first page's rows, then every page loaded after it, each row once (by id). */
	rows: Accessor<Row[]>;
	/** The next page's cursor; null when the list is complete (or the first page not there yet). */
	cursor: Accessor<string | null>;
	loading: Accessor<boolean>;
	/** Why the last page failed to load (cleared by the next try). */
	error: Accessor<unknown>;
	loadMore: () => Promise<void>;
}

/**
 * A list read page by page (the pro's credit history and runners, the public events and
 * photos). The first page comes from the route's query, so it is preloaded, cached and
 * revalidated with it; the next ones are fetched by cursor when asked and appended. Rows are
 * de-duplicated by id: a row can move to a later page while the visitor reads (a new one pushed
 * it along).
 *
 * `restartWhenFirstChanges`: when the first page changes (an import replaced the start list, a
 * purchase added a credit movement), the pages loaded after it are dropped, since they continued
 * the old first page; a page still on its way is then ignored. Off for the public galleries,
 * whose first page is revalidated after any action (adding a photo to the cart): dropping what
 * the visitor had scrolled through would lose their place.
 */
export function createMorePages<Response, Row extends { id: string }>(options: {
	/** The first page as the route's query gives it. */
	first: Accessor<Response | undefined>;
	/** A later page, in the query's own shape. */
	fetchPage: (cursor: string) => Promise<Response>;
	/** Where a response keeps its rows and the next cursor. */
	toPage: (response: Response) => ListPage<Row>;
	restartWhenFirstChanges: boolean;
}): MorePages<Row> {
	const firstPage = createMemo(() => {
		const response = options.first();
		return response === undefined ? undefined : options.toPage(response);
	});
	const [more, setMore] = createSignal<Row[]>([]);
	/** undefined: no page loaded since the first, whose own cursor then leads. */
	const [next, setNext] = createSignal<string | null>();
	const [loading, setLoading] = createSignal(false);
	const [error, setError] = createSignal<unknown>();
	let generation = 0;
	if (options.restartWhenFirstChanges)
		createEffect(
			on(
				firstPage,
				() => {
					generation++;
					setMore([]);
					setNext(undefined);
					setError(undefined);
					setLoading(false);
				},
				{ defer: true },
			),
		);
	const cursor = () => {
		const loaded = next();
		return loaded === undefined ? (firstPage()?.next ?? null) : loaded;
	};
	const rows = createMemo(() => {
		const seen = new Set<string>();
		return [...(firstPage()?.rows ?? []), ...more()].filter((row) => !seen.has(row.id) && !!seen.add(row.id));
	});
	const loadMore = async () => {
		const from = cursor();
		if (!from || loading()) return;
		const started = generation;
		setLoading(true);
		setError(undefined);
		try {
			const page = options.toPage(await options.fetchPage(from));
			if (started !== generation) return;
			setMore((list) => [...list, ...page.rows]);
			setNext(page.next);
		} catch (err) {
			if (started === generation) setError(err);
		} finally {
			if (started === generation) setLoading(false);
		}
	};
	return { rows, cursor, loading, error, loadMore };
}

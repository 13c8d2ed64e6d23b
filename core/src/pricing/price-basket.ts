import { AppError } from "../errors.ts";

/**
 * Server-side pricing of a runner's photo basket. The client only says what it wants (cart
 * photos, "all my photos" of some bibs); this computes the cheapest way to pay for all of it and
 * what is worth upselling, so the price a buyer sees is always the price the server charges.
 *
 * Model: a basket is paid by "all photos" lines (one per runner bib, covering every photo of that
 * runner) plus count-pack lines covering the cart photos no all-photos line covers. Plans are
 * compared by the key (subtotal ↑, photos bought ↓, empty count-pack slots ↓, lines ↑): cheapest
 * first; at equal price the buyer gets more photos, then more room to add photos for free, then
 * the shorter receipt.
 */

/** One of the event's active price packs. */
export interface PackOffer {
	id: string;
	name: string;
	priceCents: number;
	/** Photos included; null = all photos of one runner (bib). */
	photoCount: number | null;
}

/** A photo in the cart, with the bibs detected on it (possibly none or several). */
export interface BasketPhoto {
	id: string;
	bibs: readonly string[];
}

export interface PriceBasketInput {
	/** The event's active packs. */
	packs: readonly PackOffer[];
	/** Photos put in the cart (ids distinct; duplicates are ignored). */
	photos: readonly BasketPhoto[];
	/**
	 * bib → ids of ALL sellable photos of that runner on the event, for every bib on a cart photo
	 * and every explicit bib.
	 */
	runnerPhotoIds: ReadonlyMap<string, readonly string[]>;
	/** "All my photos" packs the buyer picked explicitly. */
	allPhotosBibs?: readonly string[];
	serviceFeeCents: number;
}

export interface PricedLine {
	packId: string;
	name: string;
	priceCents: number;
	photoIds: string[];
	/** Set only for an all-photos line. */
	bib: string | null;
}

export type Upsell =
	/** "3 more photos for 5 €"; extraCents 0 = "you can add 2 more photos for free". */
	| { kind: "add_photos"; packId: string; extraPhotos: number; extraCents: number }
	/** "All 12 photos of bib 123 for 4 € more". */
	| { kind: "all_photos"; packId: string; bib: string; photoCount: number; extraCents: number };

export interface BasketPrice {
	lines: PricedLine[];
	/** Every photo bought: the cart photos plus the photos all-photos lines bring. */
	photoIds: string[];
	/** Sum of line prices. */
	subtotalCents: number;
	/** 0 for an empty basket. */
	serviceFeeCents: number;
	/** subtotal + fee. */
	totalCents: number;
	upsells: Upsell[];
}

/** The basket cannot be bought: the event sells nothing, or no pack can pay for something in it. */
export class BasketNotForSaleError extends Error {
	override name = "BasketNotForSaleError";
}

/** Beyond this the request is abuse or a bug, and it bounds the count-pack DP table. */
const maxBasketPhotos = 2000;
/** Every subset of this many candidates is tried: 2^6 = 64 plans, each O(cart) after one DP. */
const maxAutoAllPhotosCandidates = 6;
/** Each all-photos upsell re-runs the whole plan search; this bounds the work per request. */
const maxAllPhotosUpsellBibs = 6;
const maxAllPhotosUpsells = 2;

/** A count pack, its photoCount known to be a positive integer. */
type CountPackOffer = PackOffer & { photoCount: number };

/** The cheapest way (by the cover key) to cover at least `need` photos with count packs. */
interface Cover {
	costCents: number;
	covered: number;
	lines: number;
}

/**
 * f(need, i) for every need in 0..maxNeed and every i: the best minimal multiset of packs[i..]
 * covering at least `need` photos. Stored flat, row-major by need, with P + 1 columns.
 */
interface CoverTable {
	/** Distinct photoCounts (the cheapest pack of each), largest first. */
	packs: readonly CountPackOffer[];
	maxNeed: number;
	costCents: Float64Array;
	covered: Float64Array;
	lines: Float64Array;
	/** 1 when f(need, i) uses packs[i] (again), 0 when it moves on to smaller packs. */
	take: Uint8Array;
}

/** Everything about one runner the plans need, computed once per request. */
interface Runner {
	bib: string;
	/** All the runner's photos: runnerPhotoIds' order, then cart photos carrying the bib it forgot. */
	photoIds: string[];
	/** Indices of the cart photos this runner's all-photos line covers. */
	cartIndices: number[];
	/** The runner's photos that are not in the cart: what an all-photos line adds. */
	extraIds: string[];
}

interface BasketContext {
	photos: readonly BasketPhoto[];
	runners: ReadonlyMap<string, Runner>;
	/**
	 * The runners of the cart: bibs seen on cart photos, in cart order, then the other runners of
	 * runnerPhotoIds whose list holds a cart photo (a photo matched by face carries no bib).
	 */
	cartBibs: readonly string[];
	table: CoverTable;
	/** How many more photos add_photos looks at: the largest count pack, capped. */
	upsellSpan: number;
	allPhotosPack: PackOffer | undefined;
}

/** One way to pay for the basket. */
interface Plan {
	/** Explicit bibs first (buyer's order), then the automatic ones (candidate rank order). */
	allPhotosBibs: string[];
	/** Cart indices left to count packs, in cart order. */
	uncovered: number[];
	cover: Cover;
	subtotalCents: number;
	photosBought: number;
	slack: number;
	lineCount: number;
}

export function priceBasket(input: PriceBasketInput): BasketPrice {
	validateMoney(input);
	// No pack at all is checked before the empty basket: the event cannot sell anything, and the
	// page should say so rather than show an empty basket that can never be filled.
	if (input.packs.length === 0) {
		throw new BasketNotForSaleError("Photos of this event are not for sale: the event has no price pack.");
	}
	const photos = dedupePhotos(input.photos);
	if (photos.length > maxBasketPhotos) {
		throw new AppError("BAD_REQUEST", `A basket holds at most ${maxBasketPhotos} photos.`);
	}
	const explicitBibs = dedupeExplicitBibs(input.allPhotosBibs ?? []);
	if (photos.length === 0 && explicitBibs.length === 0) return emptyBasketPrice();

	const ctx = buildContext(input, photos, explicitBibs);
	checkExplicitBibs(ctx, explicitBibs);
	const plan = bestPlan(ctx, explicitBibs);
	const lines = buildLines(ctx, plan);
	const serviceFeeCents = input.serviceFeeCents;
	return {
		lines,
		photoIds: boughtPhotoIds(ctx, plan),
		subtotalCents: plan.subtotalCents,
		serviceFeeCents,
		totalCents: plan.subtotalCents + serviceFeeCents,
		upsells: findUpsells(ctx, plan),
	};
}

function emptyBasketPrice(): BasketPrice {
	return { lines: [], photoIds: [], subtotalCents: 0, serviceFeeCents: 0, totalCents: 0, upsells: [] };
}

/** Cents must be whole and non-negative, counts positive: anything else is a caller's bug. */
function validateMoney(input: PriceBasketInput): void {
	if (!isCents(input.serviceFeeCents)) {
		throw new AppError("BAD_REQUEST", "The service fee must be a whole, non-negative number of cents.");
	}
	for (const pack of input.packs) {
		if (!isCents(pack.priceCents)) {
			throw new AppError("BAD_REQUEST", `Pack "${pack.name}" has an invalid price.`);
		}
		if (pack.photoCount !== null && !(Number.isSafeInteger(pack.photoCount) && pack.photoCount >= 1)) {
			throw new AppError("BAD_REQUEST", `Pack "${pack.name}" must include at least one photo.`);
		}
	}
}

function isCents(value: number): boolean {
	return Number.isSafeInteger(value) && value >= 0;
}

/** The first occurrence of a photo wins; empty bibs (OCR noise) and repeated bibs are dropped. */
function dedupePhotos(photos: readonly BasketPhoto[]): BasketPhoto[] {
	const seen = new Set<string>();
	const result: BasketPhoto[] = [];
	for (const photo of photos) {
		if (seen.has(photo.id)) continue;
		seen.add(photo.id);
		result.push({ id: photo.id, bibs: unique(photo.bibs.filter((bib) => bib.trim() !== "")) });
	}
	return result;
}

/** An empty explicit bib cannot name a runner: reject it rather than silently sell nothing. */
function dedupeExplicitBibs(bibs: readonly string[]): string[] {
	if (bibs.some((bib) => bib.trim() === "")) {
		throw new AppError("BAD_REQUEST", "An “all my photos” pack needs a bib number.");
	}
	return unique(bibs);
}

function unique<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

function buildContext(
	input: PriceBasketInput,
	photos: readonly BasketPhoto[],
	explicitBibs: readonly string[],
): BasketContext {
	const countPacks = input.packs.filter(isCountPack);
	const cartBibs = cartRunnerBibs(photos, input.runnerPhotoIds);
	const runners = new Map<string, Runner>();
	for (const bib of unique([...explicitBibs, ...cartBibs])) {
		runners.set(bib, buildRunner(bib, photos, input.runnerPhotoIds.get(bib) ?? []));
	}
	// Upsells look up to the largest pack beyond the cart; capped so a "10 000 photos" pack does
	// not blow the table up (nobody is told "add 9 000 photos" anyway).
	const largest = Math.max(0, ...countPacks.map((pack) => pack.photoCount));
	const upsellSpan = Math.min(largest, maxBasketPhotos);
	return {
		photos,
		runners,
		cartBibs,
		table: buildCoverTable(countPacks, photos.length + upsellSpan),
		upsellSpan,
		allPhotosPack: cheapest(input.packs.filter((pack) => pack.photoCount === null)),
	};
}

/**
 * Beyond the brief's "bibs on cart photos", a runner the caller listed whose photos include a cart
 * photo is a candidate too: without it, a face-matched photo on an event selling only all-photos
 * packs could not be bought, and removing a photo could make a basket unsellable.
 */
function cartRunnerBibs(
	photos: readonly BasketPhoto[],
	runnerPhotoIds: ReadonlyMap<string, readonly string[]>,
): string[] {
	const cartIds = new Set(photos.map((photo) => photo.id));
	const linked = [...runnerPhotoIds]
		.filter(([bib, ids]) => bib.trim() !== "" && ids.some((id) => cartIds.has(id)))
		.map(([bib]) => bib);
	return unique([...photos.flatMap((photo) => photo.bibs), ...linked]);
}

function isCountPack(pack: PackOffer): pack is CountPackOffer {
	return pack.photoCount !== null;
}

/** The cheapest pack; the first listed on a tie, so the result does not depend on sort stability. */
function cheapest<T extends PackOffer>(packs: readonly T[]): T | undefined {
	let best: T | undefined;
	for (const pack of packs) if (!best || pack.priceCents < best.priceCents) best = pack;
	return best;
}

/**
 * The runner's photos come from runnerPhotoIds, which may also hold photos matched by face rather
 * than by bib. A cart photo carrying the bib is added even if the list forgot it: "all my photos"
 * obviously includes a photo with my bib on it, and it keeps coverage consistent with the cart.
 */
function buildRunner(bib: string, photos: readonly BasketPhoto[], listed: readonly string[]): Runner {
	const photoIds = unique([
		...listed,
		...photos.filter((photo) => photo.bibs.includes(bib)).map((photo) => photo.id),
	]);
	const ids = new Set(photoIds);
	const cartIds = new Set(photos.map((photo) => photo.id));
	const cartIndices: number[] = [];
	photos.forEach((photo, index) => {
		if (ids.has(photo.id)) cartIndices.push(index);
	});
	return { bib, photoIds, cartIndices, extraIds: photoIds.filter((id) => !cartIds.has(id)) };
}

function checkExplicitBibs(ctx: BasketContext, explicitBibs: readonly string[]): void {
	if (explicitBibs.length > 0 && !ctx.allPhotosPack) {
		throw new BasketNotForSaleError("This event does not sell “all my photos” packs.");
	}
	for (const bib of explicitBibs) {
		if (ctx.runners.get(bib)?.photoIds.length) continue;
		throw new BasketNotForSaleError(`There is no photo of bib ${bib} on this event.`);
	}
}

// ---------------------------------------------------------------------------------------------
// Count packs: unbounded knapsack "cover at least n photos".
// ---------------------------------------------------------------------------------------------

/**
 * Only MINIMAL multisets are considered (no line could be dropped with the photos still covered).
 * With paid packs every cheapest multiset is minimal anyway; the restriction matters for a free
 * pack, where "prefer covering more photos" would otherwise add free lines forever. Taking packs
 * largest first while some photo is still uncovered yields exactly the minimal multisets: the
 * smallest pack comes last, and it was needed.
 *
 * f(need, i) = best of { f(need, i + 1); packs[i] + f(max(0, need − count_i), i) }, f(0, ·) = ∅.
 * The key (cost ↑, covered ↓, lines ↑) is additive, so lexicographic optima compose.
 */
function buildCoverTable(countPacks: readonly CountPackOffer[], maxNeed: number): CoverTable {
	const packs = cheapestPerCount(countPacks);
	const width = packs.length + 1;
	const size = (maxNeed + 1) * width;
	const table: CoverTable = {
		packs,
		maxNeed,
		costCents: new Float64Array(size),
		covered: new Float64Array(size),
		lines: new Float64Array(size),
		take: new Uint8Array(size),
	};
	for (let need = 1; need <= maxNeed; need++) {
		const row = need * width;
		table.costCents[row + packs.length] = Number.POSITIVE_INFINITY;
		for (let i = packs.length - 1; i >= 0; i--) fillCell(table, need, i);
	}
	return table;
}

function fillCell(table: CoverTable, need: number, i: number): void {
	const width = table.packs.length + 1;
	const pack = table.packs[i] as CountPackOffer;
	const here = need * width + i;
	const skip = here + 1;
	const rest = Math.max(0, need - pack.photoCount) * width + i;
	const taken: Cover = {
		costCents: pack.priceCents + (table.costCents[rest] ?? 0),
		covered: pack.photoCount + (table.covered[rest] ?? 0),
		lines: 1 + (table.lines[rest] ?? 0),
	};
	const useTaken = compareCovers(taken, cellCover(table, skip)) < 0;
	const chosen = useTaken ? taken : cellCover(table, skip);
	table.costCents[here] = chosen.costCents;
	table.covered[here] = chosen.covered;
	table.lines[here] = chosen.lines;
	table.take[here] = useTaken ? 1 : 0;
}

function cellCover(table: CoverTable, index: number): Cover {
	return {
		costCents: table.costCents[index] ?? Number.POSITIVE_INFINITY,
		covered: table.covered[index] ?? 0,
		lines: table.lines[index] ?? 0,
	};
}

/** Two packs of the same size: only the cheaper can be in a cheapest cover. Largest first. */
function cheapestPerCount(countPacks: readonly CountPackOffer[]): CountPackOffer[] {
	const byCount = new Map<number, CountPackOffer[]>();
	for (const pack of countPacks)
		byCount.set(pack.photoCount, [...(byCount.get(pack.photoCount) ?? []), pack]);
	return [...byCount.values()]
		.map((packs) => cheapest(packs) as CountPackOffer)
		.sort((a, b) => b.photoCount - a.photoCount);
}

function compareCovers(a: Cover, b: Cover): number {
	if (a.costCents !== b.costCents) return a.costCents < b.costCents ? -1 : 1;
	if (a.covered !== b.covered) return b.covered - a.covered;
	return a.lines - b.lines;
}

/** The best cover of `need` photos; costCents is Infinity when count packs cannot do it. */
function coverOf(table: CoverTable, need: number): Cover {
	return cellCover(table, need * (table.packs.length + 1));
}

/** The packs of the best cover of `need` photos, largest first (one entry per line). */
function coverPacks(table: CoverTable, need: number): CountPackOffer[] {
	const width = table.packs.length + 1;
	const result: CountPackOffer[] = [];
	let rest = need;
	let i = 0;
	while (rest > 0 && i < table.packs.length) {
		const pack = table.packs[i] as CountPackOffer;
		if (table.take[rest * width + i] === 1) {
			result.push(pack);
			rest = Math.max(0, rest - pack.photoCount);
		} else {
			i++;
		}
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Plans: which runners get an all-photos line.
// ---------------------------------------------------------------------------------------------

/**
 * Tries every subset of the best automatic candidates on top of the explicit bibs; the count-pack
 * DP prices what is left, read from the table in O(1). Candidates beyond the searched ones are
 * only used when the event has no count pack, to cover what nothing else can (greedily, in rank
 * order): otherwise a basket with many runners could not be bought at all.
 */
function bestPlan(ctx: BasketContext, explicitBibs: readonly string[]): Plan {
	const candidates = rankCandidates(ctx, explicitBibs);
	const searched = candidates.slice(0, maxAutoAllPhotosCandidates);
	const rest = candidates.slice(maxAutoAllPhotosCandidates);
	let best: Plan | undefined;
	for (let mask = 0; mask < 1 << searched.length; mask++) {
		const picked = searched.filter((_, index) => (mask & (1 << index)) !== 0);
		let bibs = [...explicitBibs, ...picked];
		if (ctx.table.packs.length === 0) bibs = completeWith(ctx, bibs, rest);
		const plan = evaluatePlan(ctx, bibs);
		if (plan && (!best || comparePlans(plan, best) < 0)) best = plan;
	}
	if (!best) throw notForSale(ctx, explicitBibs);
	return best;
}

/**
 * Bibs on cart photos whose all-photos line would cover at least one cart photo the explicit lines
 * do not: the others can only add cost. Ranked by cart photos covered, then cart order, so the
 * runners who matter most are the ones searched exhaustively.
 */
function rankCandidates(ctx: BasketContext, explicitBibs: readonly string[]): string[] {
	if (!ctx.allPhotosPack) return [];
	const covered = coveredMask(ctx, explicitBibs);
	return ctx.cartBibs
		.filter((bib) => !explicitBibs.includes(bib))
		.map((bib) => ({ bib, gain: countUncovered(runnerOf(ctx, bib).cartIndices, covered) }))
		.filter((candidate) => candidate.gain > 0)
		.sort((a, b) => b.gain - a.gain)
		.map((candidate) => candidate.bib);
}

function completeWith(ctx: BasketContext, bibs: readonly string[], rest: readonly string[]): string[] {
	const result = [...bibs];
	const covered = coveredMask(ctx, result);
	for (const bib of rest) {
		const indices = runnerOf(ctx, bib).cartIndices;
		if (countUncovered(indices, covered) === 0) continue;
		result.push(bib);
		for (const index of indices) covered[index] = 1;
	}
	return result;
}

function evaluatePlan(ctx: BasketContext, bibs: readonly string[]): Plan | undefined {
	const covered = coveredMask(ctx, bibs);
	const uncovered: number[] = [];
	covered.forEach((flag, index) => {
		if (flag === 0) uncovered.push(index);
	});
	const cover = coverOf(ctx.table, uncovered.length);
	if (!Number.isFinite(cover.costCents)) return undefined;
	const allPhotosCents = bibs.length * (ctx.allPhotosPack?.priceCents ?? 0);
	const extra = new Set(bibs.flatMap((bib) => runnerOf(ctx, bib).extraIds));
	return {
		allPhotosBibs: [...bibs],
		uncovered,
		cover,
		subtotalCents: allPhotosCents + cover.costCents,
		photosBought: ctx.photos.length + extra.size,
		slack: cover.covered - uncovered.length,
		lineCount: bibs.length + cover.lines,
	};
}

/** subtotal ↑, photos bought ↓, free slots ↓, lines ↑ (see the header). */
function comparePlans(a: Plan, b: Plan): number {
	if (a.subtotalCents !== b.subtotalCents) return a.subtotalCents - b.subtotalCents;
	if (a.photosBought !== b.photosBought) return b.photosBought - a.photosBought;
	if (a.slack !== b.slack) return b.slack - a.slack;
	return a.lineCount - b.lineCount;
}

function coveredMask(ctx: BasketContext, bibs: readonly string[]): Uint8Array {
	const covered = new Uint8Array(ctx.photos.length);
	for (const bib of bibs) for (const index of runnerOf(ctx, bib).cartIndices) covered[index] = 1;
	return covered;
}

function countUncovered(indices: readonly number[], covered: Uint8Array): number {
	return indices.filter((index) => covered[index] === 0).length;
}

function runnerOf(ctx: BasketContext, bib: string): Runner {
	const runner = ctx.runners.get(bib);
	if (!runner) throw new Error(`priceBasket: no runner for bib ${bib}`);
	return runner;
}

/** Names the photo that blocks the sale, so the buyer knows what to remove. */
function notForSale(ctx: BasketContext, explicitBibs: readonly string[]): BasketNotForSaleError {
	const coverable = coveredMask(ctx, [...explicitBibs, ...ctx.cartBibs]);
	const blocked = ctx.photos.find((_, index) => coverable[index] === 0);
	if (!blocked) return new BasketNotForSaleError("This basket cannot be paid with the event's packs.");
	return new BasketNotForSaleError(
		`Photo ${blocked.id} cannot be bought: this event only sells “all my photos” packs, and no runner was recognised on it.`,
	);
}

// ---------------------------------------------------------------------------------------------
// Result.
// ---------------------------------------------------------------------------------------------

/** All-photos lines first, then count lines largest first, filled with cart photos in cart order. */
function buildLines(ctx: BasketContext, plan: Plan): PricedLine[] {
	const lines: PricedLine[] = plan.allPhotosBibs.map((bib) => allPhotosLine(ctx, bib));
	let next = 0;
	for (const pack of coverPacks(ctx.table, plan.uncovered.length)) {
		const indices = plan.uncovered.slice(next, next + pack.photoCount);
		next += indices.length;
		lines.push({
			packId: pack.id,
			name: pack.name,
			priceCents: pack.priceCents,
			photoIds: indices.map((index) => (ctx.photos[index] as BasketPhoto).id),
			bib: null,
		});
	}
	return lines;
}

function allPhotosLine(ctx: BasketContext, bib: string): PricedLine {
	const pack = ctx.allPhotosPack as PackOffer;
	return {
		packId: pack.id,
		name: pack.name,
		priceCents: pack.priceCents,
		photoIds: [...runnerOf(ctx, bib).photoIds],
		bib,
	};
}

/** Cart photos in cart order, then what the all-photos lines bring, in line order. */
function boughtPhotoIds(ctx: BasketContext, plan: Plan): string[] {
	return unique([
		...ctx.photos.map((photo) => photo.id),
		...plan.allPhotosBibs.flatMap((bib) => runnerOf(ctx, bib).extraIds),
	]);
}

// ---------------------------------------------------------------------------------------------
// Upsells.
// ---------------------------------------------------------------------------------------------

/** At most one add_photos and two all_photos, cheapest extra first (add_photos first on a tie). */
function findUpsells(ctx: BasketContext, plan: Plan): Upsell[] {
	const addPhotos = addPhotosUpsell(ctx, plan);
	const upsells: Upsell[] = [...(addPhotos ? [addPhotos] : []), ...allPhotosUpsells(ctx, plan)];
	return upsells.sort((a, b) => a.extraCents - b.extraCents);
}

/** The cheapest single photo; Infinity without count packs (photos cannot be bought one by one). */
function unitCents(ctx: BasketContext): number {
	return ctx.table.packs.length > 0 ? coverOf(ctx.table, 1).costCents : Number.POSITIVE_INFINITY;
}

/**
 * Empty slots already paid for come first: they are free. Otherwise the k more photos with the
 * lowest price per photo, only if that beats buying them one by one; on a tie the larger k, as it
 * gives more for the same rate.
 */
function addPhotosUpsell(ctx: BasketContext, plan: Plan): Upsell | undefined {
	const { table } = ctx;
	if (table.packs.length === 0) return undefined;
	const current = coverPacks(table, plan.uncovered.length);
	const last = current.at(-1);
	if (plan.slack > 0 && last) {
		return { kind: "add_photos", packId: last.id, extraPhotos: plan.slack, extraCents: 0 };
	}
	const unit = unitCents(ctx);
	const m = plan.uncovered.length;
	let best: { k: number; extra: number } | undefined;
	for (let k = 1; k <= ctx.upsellSpan; k++) {
		const extra = coverOf(table, m + k).costCents - plan.cover.costCents;
		if (!(extra < k * unit)) continue;
		// extra/k ≤ best.extra/best.k without floats; ≤ makes the larger k win a tie.
		if (!best || extra * best.k <= best.extra * k) best = { k, extra };
	}
	if (!best) return undefined;
	const pack = addedPack(current, coverPacks(table, m + best.k));
	return { kind: "add_photos", packId: pack.id, extraPhotos: best.k, extraCents: best.extra };
}

/** The pack the buyer moves to: the largest one of the new cover that the current one lacks. */
function addedPack(current: readonly CountPackOffer[], next: readonly CountPackOffer[]): CountPackOffer {
	const remaining = [...current];
	for (const pack of next) {
		const index = remaining.indexOf(pack);
		if (index < 0) return pack;
		remaining.splice(index, 1);
	}
	// Unreachable: the new cover covers more photos than the current one, so it has another pack.
	return next[0] as CountPackOffer;
}

/**
 * For runners on cart photos without an all-photos line, who would bring photos the basket does
 * not have: the basket re-optimised with that runner's line ADDED to the current all-photos lines
 * (they stay pinned, so taking the offer never loses a photo), minus the current subtotal. The
 * client takes the offer by sending allPhotosBibs = the current lines' bibs + this bib, and then
 * pays exactly `extraCents` more. Offered when it beats buying the gained photos one by one.
 * Only the runners with the most cart photos are evaluated (each one is a full plan search).
 */
function allPhotosUpsells(ctx: BasketContext, plan: Plan): Upsell[] {
	const pack = ctx.allPhotosPack;
	if (!pack) return [];
	const unit = unitCents(ctx);
	const offers: { upsell: Upsell; gained: number }[] = [];
	for (const bib of upsellBibs(ctx, plan)) {
		const added = bestPlan(ctx, [...plan.allPhotosBibs, bib]);
		const gained = added.photosBought - plan.photosBought;
		// Beyond the searched candidates, adding a runner can even lower the price; a negative
		// "extra" would read as nonsense, and the re-priced basket charges the real amount anyway.
		const extra = Math.max(0, added.subtotalCents - plan.subtotalCents);
		if (gained <= 0 || !(extra < gained * unit)) continue;
		const photoCount = runnerOf(ctx, bib).photoIds.length;
		offers.push({
			upsell: { kind: "all_photos", packId: pack.id, bib, photoCount, extraCents: extra },
			gained,
		});
	}
	return offers
		.sort((a, b) => a.upsell.extraCents - b.upsell.extraCents || b.gained - a.gained)
		.slice(0, maxAllPhotosUpsells)
		.map((offer) => offer.upsell);
}

function upsellBibs(ctx: BasketContext, plan: Plan): string[] {
	const bought = new Set(boughtPhotoIds(ctx, plan));
	return ctx.cartBibs
		.filter((bib) => !plan.allPhotosBibs.includes(bib))
		.map((bib) => runnerOf(ctx, bib))
		.filter((runner) => runner.photoIds.some((id) => !bought.has(id)))
		.sort((a, b) => b.cartIndices.length - a.cartIndices.length)
		.slice(0, maxAllPhotosUpsellBibs)
		.map((runner) => runner.bib);
}

/**
 * The small path language of `StartListFieldMapping`, kept small on purpose so organisers can
 * write it in a form field:
 *
 * - `a.b.c` walks object keys (`user.first_name`); a number walks an array index (`items.0.id`).
 * - `key[]` (or a lone `[]`) takes every element of an array: `events[].participants` is all
 *   the participants of all the events, `[].participants` does the same on a top-level array.
 *   On a value that is not an array, `[]` takes the value itself, so `[].participants` reads
 *   both `[{ "participants": [...] }]` and `{ "participants": [...] }`.
 * - The empty path is the value itself (a list path "" when the answer is the list).
 *
 * Keys containing a dot or brackets cannot be written; no filters, no recursion.
 */
export interface JsonPathStep {
	key?: string;
	each: boolean;
}

export class JsonPathError extends Error {
	override name = "JsonPathError";
}

export function parseJsonPath(path: string): JsonPathStep[] {
	const trimmed = path.trim();
	if (trimmed === "") return [];
	return trimmed.split(".").map((part) => {
		const each = part.endsWith("[]");
		const key = each ? part.slice(0, -2) : part;
		if ((key === "" && !each) || /[[\]]/u.test(key)) {
			throw new JsonPathError(
				`"${path}" is not a valid path: write keys separated by dots, like data.participants`,
			);
		}
		return key === "" ? { each } : { key, each };
	});
}

function child(value: unknown, key: string): unknown {
	if (Array.isArray(value)) return /^\d+$/u.test(key) ? value[Number(key)] : undefined;
	if (value !== null && typeof value === "object") return (value as Record<string, unknown>)[key];
	return undefined;
}

/** Every value the path reaches (missing keys reach nothing). */
export function readJsonPath(value: unknown, steps: readonly JsonPathStep[]): unknown[] {
	let current: unknown[] = [value];
	for (const step of steps) {
		const next: unknown[] = [];
		for (const item of current) {
			const reached = step.key === undefined ? item : child(item, step.key);
			if (reached === undefined) continue;
			if (step.each) {
				if (Array.isArray(reached)) next.push(...reached);
				else next.push(reached);
			} else next.push(reached);
		}
		current = next;
	}
	return current;
}

/** The items of the list(s) the path reaches, or undefined when it reaches no array at all. */
export function readJsonList(value: unknown, steps: readonly JsonPathStep[]): unknown[] | undefined {
	// `participants[]` names the same list as `participants`: a trailing `[]` is not a second level.
	const last = steps.at(-1);
	const toList = last?.each ? [...steps.slice(0, -1), { ...last, each: false }] : steps;
	const lists = readJsonPath(value, toList).filter(Array.isArray);
	return lists.length === 0 ? undefined : lists.flat();
}

/** The first value the path reaches that is not null (a field read through `[]` takes the first one). */
export function readJsonField(value: unknown, steps: readonly JsonPathStep[]): unknown {
	return readJsonPath(value, steps).find((reached) => reached !== null);
}

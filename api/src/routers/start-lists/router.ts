import {
	csvDelimiters,
	csvEncodings,
	parseStartListCsv,
	previewCsv,
	requireEventManager,
} from "@focus-racer/core";
import * as v from "valibot";
import {
	listStartListEntries,
	listStartListSources,
	saveStartListSource,
	syncStartListSource,
} from "../../services/start-lists/start-list-sources.ts";
import { storeStartList } from "../../services/start-lists/store-start-list.ts";
import { proProcedure, router } from "../../trpc/init.ts";

const eventId = v.pipe(v.string(), v.uuid());
/** 5 MB of CSV is 50 000 runners and more; sent base64 inside the JSON body. */
const csvBase64 = v.pipe(
	v.string(),
	v.maxLength(7_000_000, "The file is too large (5 MB at most)."),
	v.base64(),
);
const column = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)));
const provider = v.picklist(["njuko", "kms", "runsignup"]);
const path = v.optional(v.pipe(v.string(), v.maxLength(200)));

export const startListsRouter = router({
	/** The first rows as the file reads, its detected format and a suggested column mapping. */
	previewCsv: proProcedure.input(v.object({ eventId, file: csvBase64 })).mutation(async ({ ctx, input }) => {
		await requireEventManager(ctx.deps.db, { eventId: input.eventId, user: ctx.user });
		return previewCsv(Buffer.from(input.file, "base64"));
	}),
	/** Imports a file with the mapping the pro confirmed; errors come back per line. */
	importCsv: proProcedure
		.input(
			v.object({
				eventId,
				file: csvBase64,
				hasHeader: v.boolean(),
				delimiter: v.optional(v.picklist(csvDelimiters)),
				encoding: v.optional(v.picklist(csvEncodings)),
				mapping: v.object({
					bib: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)),
					firstName: column,
					lastName: column,
					fullName: column,
					email: column,
					category: column,
					club: column,
				}),
			}),
		)
		.mutation(async ({ ctx, input }) => {
			await requireEventManager(ctx.deps.db, { eventId: input.eventId, user: ctx.user });
			const parsed = parseStartListCsv(Buffer.from(input.file, "base64"), input);
			const stored = await storeStartList(ctx.deps.db, {
				eventId: input.eventId,
				provider: "csv",
				entries: parsed.entries.map(({ line: _line, ...entry }) => entry),
			});
			return { ...stored, errors: parsed.errors };
		}),
	sources: proProcedure
		.input(v.object({ eventId }))
		.query(({ ctx, input }) => listStartListSources(ctx.deps.db, ctx.user, input.eventId)),
	saveSource: proProcedure
		.input(
			v.object({
				eventId,
				provider,
				baseUrl: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(300)))),
				externalEventId: v.pipe(
					v.string(),
					v.trim(),
					v.minLength(1, "Give the race's id on the platform."),
					v.maxLength(200),
				),
				apiKey: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500))),
				apiSecret: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500))),
				fieldMapping: v.optional(
					v.nullable(
						v.object({
							listPath: path,
							bib: path,
							firstName: path,
							lastName: path,
							email: path,
							category: path,
							club: path,
						}),
					),
				),
			}),
		)
		.mutation(({ ctx, input }) =>
			saveStartListSource(ctx.deps.db, ctx.user, {
				...input,
				production: ctx.deps.env.NODE_ENV === "production",
			}),
		),
	sync: proProcedure.input(v.object({ eventId, provider })).mutation(({ ctx, input }) =>
		syncStartListSource(ctx.deps.db, ctx.user, {
			...input,
			production: ctx.deps.env.NODE_ENV === "production",
		}),
	),
	entries: proProcedure
		.input(v.object({ eventId, after: v.optional(v.pipe(v.string(), v.maxLength(12))) }))
		.query(({ ctx, input }) => listStartListEntries(ctx.deps.db, ctx.user, input.eventId, input.after)),
});

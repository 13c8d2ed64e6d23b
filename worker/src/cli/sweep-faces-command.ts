import { createAiEngines, createAiSettingsReader } from "@focus-racer/core";
import * as v from "valibot";
import { type EventSweep, sweepProviderIndex } from "../jobs/faces-sweep-provider.ts";
import type { CliCommand } from "./cli-context.ts";

const eventId = v.pipe(v.string(), v.uuid());

function describeEvent(sweep: EventSweep): string {
	return `event ${sweep.eventId}: ${sweep.indexed} indexed, ${sweep.orphans} orphan(s), ${sweep.deleted} deleted, ${sweep.kept} kept`;
}

/**
 * The faces.sweep-provider job run here and now (after an incident, or for one event), without
 * waiting for the daily cron or a worker: same rules, same code.
 */
export const sweepFacesCommand: CliCommand = {
	summary: "delete faces the provider's index (Rekognition) holds with no row pointing at them",
	usage: "[--event <id>]",
	run: async (args, ctx) => {
		const [flag, value, ...rest] = args;
		const event = flag === "--event" && rest.length === 0 ? value : undefined;
		if (args.length > 0 && !v.is(eventId, event)) {
			ctx.print("usage: sweep-faces [--event <id>]   (--event must be an event id)");
			return 2;
		}
		const { db } = ctx.db();
		const ai = createAiEngines(ctx.env);
		try {
			const deps = {
				db,
				log: ctx.log,
				ai,
				aiSettings: createAiSettingsReader({ db, defaultProvider: ctx.env.AI_PROVIDER }),
			};
			const result = await sweepProviderIndex(deps, {
				...(event ? { eventIds: [event] } : {}),
				// One line per event with something found (or the one asked for): clean events are the norm.
				onEvent: (sweep) => {
					if (event || sweep.orphans > 0) ctx.print(describeEvent(sweep));
				},
			});
			if (result.skipped) {
				ctx.print(`Nothing to sweep: ${result.skipped}.`);
				return 0;
			}
			ctx.print(
				`Swept ${result.events} event(s) on ${result.provider}: ${result.deleted} orphan face(s) deleted, ${result.kept} kept (photo still processing or just changed)${result.failed ? `, ${result.failed} event(s) failed` : ""}.`,
			);
			return result.failed > 0 ? 1 : 0;
		} finally {
			await ai.close();
		}
	},
};

import { createLogger, hashPassword } from "@focus-racer/core";
import { events, photos } from "@focus-racer/db";
import { demoEventSlug, seedDemo } from "@focus-racer/db/seed";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUploadHarness, type UploadHarness } from "../testing/upload-harness.ts";
import { seedDemoPhotos } from "./seed-demo-photos.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
	await seedDemo(h.tdb.db, { hashPassword, includeAdmin: false });
});
afterAll(() => h.close());

describe("demo photos", () => {
	it("uploads generated race photos to the demo event once, through the real upload path", async () => {
		const options = {
			db: h.tdb.db,
			storage: h.storage,
			queue: h.queue,
			log: createLogger(h.env, "test"),
			count: 3,
			maxPixels: 1e8,
		};
		expect(await seedDemoPhotos(options)).toBe(3);
		expect(await seedDemoPhotos(options)).toBe(0);
		const [event] = await h.tdb.db.select().from(events).where(eq(events.slug, demoEventSlug));
		const rows = await h.tdb.db
			.select()
			.from(photos)
			.where(eq(photos.eventId, event?.id ?? ""));
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.status === "uploaded" && r.creditCharged && r.width === 2400)).toBe(true);
		const jobs = await h.tdb.sql<
			{ n: number }[]
		>`select count(*)::int as n from pgboss.job where name = 'photos.process'`;
		expect(jobs[0]?.n).toBe(3);
	});
});

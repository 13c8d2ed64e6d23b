import { recordPhotoProgress } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testOrigin } from "../../testing/test-app.ts";
import {
	createProWithEvent,
	createUploadHarness,
	type UploadHarness,
	uploadFiles,
} from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

interface SseEvent {
	id?: string;
	data: { photoId?: string; status?: string; step?: string | null };
}

/** Opens the tRPC SSE stream and returns a reader of its `data:` events that carry an id. */
async function openProgress(cookie: string, batchId: string, lastEventId?: string) {
	const input = encodeURIComponent(JSON.stringify({ batchId, ...(lastEventId ? { lastEventId } : {}) }));
	const controller = new AbortController();
	const res = await h.app.request(`${testOrigin}/trpc/uploads.progress?input=${input}`, {
		headers: { cookie, accept: "text/event-stream" },
		signal: controller.signal,
	});
	const reader = res.body?.getReader();
	const decoder = new TextDecoder();
	let buffer = "";
	const next = async (): Promise<SseEvent> => {
		while (true) {
			const end = buffer.indexOf("\n\n");
			if (end >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const id = block.match(/^id: ?(.*)$/m)?.[1];
				const data = block.match(/^data: ?(.*)$/m)?.[1];
				if (id && data) return { id, data: JSON.parse(data) };
				continue;
			}
			const chunk = await reader?.read();
			if (!chunk || chunk.done) throw new Error(`stream ended; status ${res.status}; rest ${buffer}`);
			buffer += decoder.decode(chunk.value, { stream: true });
		}
	};
	return { status: res.status, next, close: () => controller.abort() };
}

describe("uploads.progress (SSE)", () => {
	it("replays stored progress, streams new rows from any process, and resumes after the last id", async () => {
		const pro = await createProWithEvent(h, { credits: 3 });
		const up = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			files: [{ name: "a.jpg", bytes: await makeTestJpeg({ seed: 3 }) }],
		});
		const photoId = up.body.results[0]?.photoId ?? "";
		const stream = await openProgress(pro.cookie, up.body.batchId);
		expect(stream.status).toBe(200);
		const first = await stream.next();
		expect(first.data).toMatchObject({ photoId, status: "uploaded" });

		// What a worker in another process does: a row and a NOTIFY, on its own connection.
		await recordPhotoProgress(h.tdb.db, {
			photoId,
			eventId: pro.eventId,
			batchId: up.body.batchId,
			status: "processing",
			step: "derivatives",
		});
		const second = await stream.next();
		expect(second.data).toMatchObject({ photoId, status: "processing", step: "derivatives" });
		stream.close();

		await recordPhotoProgress(h.tdb.db, {
			photoId,
			eventId: pro.eventId,
			batchId: up.body.batchId,
			status: "ready",
		});
		const resumed = await openProgress(pro.cookie, up.body.batchId, second.id);
		const third = await resumed.next();
		expect(third.data).toMatchObject({ status: "ready" });
		expect(Number(third.id)).toBeGreaterThan(Number(second.id));
		resumed.close();
	});

	it("does not stream another pro's batch", async () => {
		const owner = await createProWithEvent(h, { credits: 3 });
		const other = await createProWithEvent(h, { credits: 3 });
		const up = await uploadFiles(h, {
			eventId: owner.eventId,
			cookie: owner.cookie,
			files: [{ name: "a.jpg", bytes: await makeTestJpeg({ seed: 4 }) }],
		});
		const stream = await openProgress(other.cookie, up.body.batchId);
		await expect(stream.next()).rejects.toThrow();
		stream.close();
	});
});

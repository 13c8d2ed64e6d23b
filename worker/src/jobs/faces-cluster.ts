import { assignBibsToFaces, clusterFaces, type JobPayload } from "@focus-racer/core";
import { faceClusters, faces, photoBibs, photos, selectBox } from "@focus-racer/db";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { JobDeps, JobOutput } from "../job-handler.ts";
import { wornBibs } from "./worn-bibs.ts";

/**
 * Regroups one event's faces by person and links photos to runners through them (PRODUCT §3:
 * a photo with no readable bib reaches the runner when one of its faces matches a face already
 * wearing that bib; a cluster carries the bib further, to photos where it is hidden). Only faces
 * with a local embedding take part (Rekognition links through its own index in the AI step).
 * Rebuilt from scratch each run, so reruns and redeliveries converge on the same rows; photos a
 * pro reviewed by hand keep their list.
 */
export async function clusterEventFaces(
	data: JobPayload<"faces.cluster">,
	deps: JobDeps,
): Promise<JobOutput> {
	const { db } = deps;
	const settings = await deps.aiSettings();
	const rows = await db
		.select({
			id: faces.id,
			photoId: faces.photoId,
			box: selectBox(faces),
			embedding: faces.embedding,
			embeddingModel: faces.embeddingModel,
			outfit: faces.outfit,
			quality: faces.quality,
			bib: faces.bib,
		})
		.from(faces)
		.innerJoin(photos, eq(photos.id, faces.photoId))
		.where(and(eq(faces.eventId, data.eventId), isNotNull(faces.embedding), eq(photos.status, "ready")));
	// Vectors of different models never compare: the event's most common model is the one used.
	const models = new Map<string, number>();
	for (const r of rows)
		if (r.embeddingModel) models.set(r.embeddingModel, (models.get(r.embeddingModel) ?? 0) + 1);
	const model = [...models].sort((a, b) => b[1] - a[1])[0]?.[0];
	const usable = rows.filter((r) => r.embeddingModel === model && r.embedding && r.embedding.length > 0);

	// Who wears which bib on their own photo, from the photo's bibs as they stand now (read or typed).
	const photoIds = [...new Set(usable.map((r) => r.photoId))];
	const bibsByPhoto = photoIds.length ? await wornBibs(db, { eventId: data.eventId }) : new Map();
	const facesByPhoto = Map.groupBy(usable, (r) => r.photoId);
	const worn = new Map<string, string | null>();
	for (const [photoId, photoFaces] of facesByPhoto) {
		const assigned = assignBibsToFaces(photoFaces, bibsByPhoto.get(photoId) ?? []);
		photoFaces.forEach((f, i) => {
			worn.set(f.id, assigned.get(i) ?? null);
		});
	}

	const { clusters, links } = clusterFaces(
		usable.map((r) => ({
			id: r.id,
			photoId: r.photoId,
			embedding: r.embedding ?? [],
			outfit: r.outfit,
			bib: worn.get(r.id) ?? null,
			quality: r.quality,
		})),
		{ threshold: settings.localFaceMatchCosine },
	);

	const linked = await db.transaction(async (tx) => {
		// One regrouping of an event at a time, even across workers (the queue's key already
		// makes this rare; the lock makes it certain).
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`faces.cluster:${data.eventId}`}))`);
		const reviewed = new Set(
			(
				await tx
					.select({ id: photos.id })
					.from(photos)
					.where(and(eq(photos.eventId, data.eventId), isNotNull(photos.bibsReviewedAt)))
			).map((p) => p.id),
		);
		await tx.delete(faceClusters).where(eq(faceClusters.eventId, data.eventId));
		const inserted = clusters.length
			? await tx
					.insert(faceClusters)
					.values(
						clusters.map((c) => ({
							eventId: data.eventId,
							bib: c.bib,
							faceCount: c.faceIds.length,
							representativeFaceId: c.representativeFaceId,
						})),
					)
					.returning({ id: faceClusters.id })
			: [];
		const assignments: { id: string; cluster_id: string; bib: string | null }[] = [];
		clusters.forEach((c, i) => {
			const clusterId = inserted[i]?.id;
			if (!clusterId) return;
			for (const faceId of c.faceIds)
				assignments.push({ id: faceId, cluster_id: clusterId, bib: worn.get(faceId) ?? null });
		});
		if (assignments.length > 0) {
			// One statement for the whole event (thousands of faces), the rows passed as one JSON value.
			await tx.execute(sql`
				update ${faces} set cluster_id = u.cluster_id, bib = u.bib
				from jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) as u(id uuid, cluster_id uuid, bib text)
				where ${faces.id} = u.id`);
		}
		// Face links are derived data: drop those of the photos in view and write them again
		// (reviewed photos aside: their list is the pro's).
		const recomputed = photoIds.filter((id) => !reviewed.has(id));
		if (recomputed.length > 0) {
			await tx
				.delete(photoBibs)
				.where(
					and(
						eq(photoBibs.eventId, data.eventId),
						eq(photoBibs.source, "face_recognition"),
						inArray(photoBibs.photoId, recomputed),
					),
				);
		}
		const best = new Map<string, { photoId: string; bib: string; similarity: number }>();
		for (const link of links) {
			if (reviewed.has(link.photoId)) continue;
			const key = `${link.photoId}:${link.bib}`;
			const seen = best.get(key);
			if (!seen || link.similarity > seen.similarity) best.set(key, link);
		}
		if (best.size > 0) {
			await tx
				.insert(photoBibs)
				.values(
					[...best.values()].map((l) => ({
						photoId: l.photoId,
						eventId: data.eventId,
						bib: l.bib,
						confidence: Math.round(Math.min(1, Math.max(0, l.similarity)) * 1000) / 10,
						source: "face_recognition" as const,
					})),
				)
				.onConflictDoNothing();
		}
		return best.size;
	});
	return { faces: usable.length, clusters: clusters.length, linked };
}

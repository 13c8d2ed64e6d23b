import {
	type AiEngines,
	type AiSettingsReader,
	AppError,
	eventMediaPrefix,
	forgetPublicEvent,
	type Logger,
	requireEventManager,
	type Storage,
} from "@focus-racer/core";
import { type Db, events, faces } from "@focus-racer/db";
import { and, eq, isNotNull } from "drizzle-orm";

export interface DeleteEventDeps {
	db: Db;
	storage: Storage;
	log: Logger;
	ai?: AiEngines | undefined;
	aiSettings?: AiSettingsReader | undefined;
}

/**
 * Deletes an event and everything of it: media in storage (originals, derivatives, branding),
 * faces kept by a cloud provider, then the rows (photos, bibs, faces, start list, packs cascade;
 * orders stay, without their event, as the payment history). Only its owner or an admin, and
 * only with the event's slug typed again: there is no undo.
 */
export async function deleteEvent(
	deps: DeleteEventDeps,
	user: { id: string; role: string },
	options: { eventId: string; confirmSlug: string },
): Promise<{ deletedFiles: number }> {
	const { db } = deps;
	const event = await requireEventManager(db, { eventId: options.eventId, user });
	if (event.ownerId !== user.id && user.role !== "admin") {
		throw new AppError("FORBIDDEN", "Only the event's owner can delete it.");
	}
	const [row] = await db.select({ slug: events.slug }).from(events).where(eq(events.id, event.id));
	if (!row || row.slug !== options.confirmSlug.trim()) {
		throw new AppError("BAD_REQUEST", "Type the event's address exactly to confirm the deletion.");
	}
	const providerFaces = await db
		.select({ providerFaceId: faces.providerFaceId })
		.from(faces)
		.where(and(eq(faces.eventId, event.id), isNotNull(faces.providerFaceId)));
	if (providerFaces.length > 0 && deps.ai) {
		// Faces filed at Rekognition outlive our rows: forget them first (GDPR, and they cost money).
		const engine = await deps.ai.get("rekognition");
		await engine.deleteFaces(
			event.id,
			providerFaces.flatMap((f) => (f.providerFaceId ? [f.providerFaceId] : [])),
		);
	}
	await db.delete(events).where(eq(events.id, event.id));
	forgetPublicEvent(db, event.id);
	// After the rows: a crash in between leaves unreachable files (a prefix a sweep can remove),
	// never rows pointing at deleted files.
	const deletedFiles = await deps.storage.deletePrefix(eventMediaPrefix(event.id));
	deps.log.info({ eventId: event.id, deletedFiles, by: user.id }, "event deleted");
	return { deletedFiles };
}

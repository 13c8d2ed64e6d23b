import { recordPhotoProgress } from "@focus-racer/core";
import type { Photo } from "@focus-racer/db";
import type { JobDeps } from "../job-handler.ts";

/**
 * The AI step of the pipeline (bibs, faces, linking). The engines arrive with the AI issue;
 * until then this records, visibly in the photo's progress, that no AI ran.
 */
export async function runPhotoAi(deps: JobDeps, photo: Photo): Promise<void> {
	await recordPhotoProgress(deps.db, {
		photoId: photo.id,
		eventId: photo.eventId,
		batchId: photo.batchId,
		status: "processing",
		step: "ai",
		message: "no AI engine configured yet: bibs and faces not read",
	});
}

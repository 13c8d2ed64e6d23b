import type { JobName } from "@focus-racer/core";
import type { JobHandler } from "./job-handler.ts";
import { clusterEventFaces } from "./jobs/faces-cluster.ts";
import { sweepProviderFaces } from "./jobs/faces-sweep-provider.ts";
import { processPhotoJob } from "./jobs/photos-process.ts";
import { requeueStuckPhotos } from "./jobs/photos-requeue-stuck.ts";
import { purgeExpiredSessions } from "./jobs/sessions-purge-expired.ts";
import { ping } from "./jobs/system-ping.ts";

export type JobHandlers = { [N in JobName]: JobHandler<N> };

/**
 * Every job of core's jobDefinitions and its handler. A job added there without a handler here
 * is a type error, so a queue can never be left without a consumer.
 */
export const jobHandlers = {
	"faces.cluster": clusterEventFaces,
	"faces.sweep-provider": sweepProviderFaces,
	"photos.process": processPhotoJob,
	"photos.reprocess": processPhotoJob,
	"photos.requeue-stuck": requeueStuckPhotos,
	"sessions.purge-expired": purgeExpiredSessions,
	"system.ping": ping,
} satisfies JobHandlers;

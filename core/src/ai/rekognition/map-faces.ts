import type { FaceDetail, FaceRecord, ImageQuality } from "@aws-sdk/client-rekognition";
import type { DetectedFace } from "../ai-engine.ts";
import { toNormalisedBox } from "./rekognition-box.ts";

/** Brightness (0–100) in this band counts as well exposed; it fades linearly to 0 at 0 and 100. */
const wellExposedMargin = 25;
/** When Rekognition leaves a measure out, the face counts as average rather than best or worst. */
const unknownSharpness = 0.5;

/**
 * 0..1 usability of a face for identity, from Rekognition's own Quality measures (both 0–100):
 * sharpness / 100 × exposure, where exposure is 1 for brightness in 25..75 and falls linearly to
 * 0 at pitch black or blown out. A product rather than a mean, because a blurred face is useless
 * however well lit, and a black one however sharp. Pose and size are left out: for indexed faces
 * (the ones clustering weighs) IndexFaces' QualityFilter AUTO already drops extreme poses and
 * tiny faces, and our own code knows the box size.
 */
export function faceQuality(quality: ImageQuality | undefined): number {
	const sharpness = quality?.Sharpness === undefined ? unknownSharpness : quality.Sharpness / 100;
	const brightness = quality?.Brightness;
	const exposure = brightness === undefined ? 1 : Math.min(brightness, 100 - brightness) / wellExposedMargin;
	return Math.min(1, Math.max(0, sharpness)) * Math.min(1, Math.max(0, exposure));
}

/** A face of DetectFaces (not indexed: no provider id). Null when it has no box in the image. */
export function mapFaceDetail(detail: FaceDetail): DetectedFace | null {
	const box = toNormalisedBox(detail.BoundingBox);
	if (!box) return null;
	return {
		box,
		confidence: detail.Confidence ?? 0,
		// Rekognition keeps the vectors in its collection: we compare by its face ids instead.
		embedding: null,
		embeddingModel: null,
		providerFaceId: null,
		quality: faceQuality(detail.Quality),
	};
}

/**
 * A face IndexFaces filed in the collection. `Face` is what the collection stored (id, box,
 * confidence); `FaceDetail` carries the quality measures. A record without an id (never seen
 * from the real service) is dropped: the face could not be searched or linked by id anyway.
 */
export function mapFaceRecord(record: FaceRecord): DetectedFace | null {
	const providerFaceId = record.Face?.FaceId;
	const box = toNormalisedBox(record.Face?.BoundingBox ?? record.FaceDetail?.BoundingBox);
	if (!providerFaceId || !box) return null;
	return {
		box,
		confidence: record.Face?.Confidence ?? record.FaceDetail?.Confidence ?? 0,
		embedding: null,
		embeddingModel: null,
		providerFaceId,
		quality: faceQuality(record.FaceDetail?.Quality),
	};
}

export function mapFaceDetails(details: readonly FaceDetail[] | undefined): DetectedFace[] {
	return (details ?? []).flatMap((detail) => mapFaceDetail(detail) ?? []);
}

export function mapFaceRecords(records: readonly FaceRecord[] | undefined): DetectedFace[] {
	return (records ?? []).flatMap((record) => mapFaceRecord(record) ?? []);
}

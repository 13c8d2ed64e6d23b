import type { Translate } from "../../i18n/index.tsx";
import type { UploadItem } from "./upload-run.ts";

const knownReasons = [
	"not_an_image",
	"unsupported_format",
	"too_many_pixels",
	"animated",
	"corrupt",
	"empty",
	"too_large",
	"no_credits",
	"duplicate",
	"blurry",
	"unreadable",
	"failed",
	"unknown",
] as const;
type KnownReason = (typeof knownReasons)[number];

function isKnownReason(value: string | null): value is KnownReason {
	return value !== null && (knownReasons as readonly string[]).includes(value);
}

/**
 * Why a file was refused, in the pro's language: the server's stable reason code translated;
 * an unknown code falls back to the server's own (English) sentence rather than to nothing.
 */
export function reasonText(
	t: Translate,
	item: Pick<UploadItem, "reason" | "message" | "rejectedBy" | "phase">,
): string {
	if (isKnownReason(item.reason)) return t(`upload.reasons.${item.reason}`);
	if (item.phase === "failed") return t("upload.reasons.failed");
	if (item.rejectedBy === "processing" && !item.reason) return t("upload.checkingReason");
	return item.message || t("upload.reasons.unknown");
}

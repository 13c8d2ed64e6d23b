/**
 * One Rekognition collection per event: erasing an event is one DeleteCollection, and a selfie
 * search can only ever match faces of the event it was made for. Collection ids allow
 * `[a-zA-Z0-9_.\-]{1,255}`; event ids are UUIDs, so `${prefix}${eventId}` fits as long as the
 * prefix does.
 */
export function collectionIdFor(collectionPrefix: string, eventId: string): string {
	return `${collectionPrefix}${eventId}`;
}

const collectionIdPattern = /^[a-zA-Z0-9_.-]{1,255}$/;

/** Fails at start on a prefix AWS would reject on every call. */
export function assertCollectionPrefix(collectionPrefix: string): void {
	// A UUID is 36 characters of the allowed alphabet: check the prefix with one in place.
	const sample = collectionIdFor(collectionPrefix, "00000000-0000-0000-0000-000000000000");
	if (!collectionIdPattern.test(sample)) {
		throw new Error(
			`Rekognition collection prefix "${collectionPrefix}" is invalid: ids allow [a-zA-Z0-9_.-], at most 255 characters`,
		);
	}
}

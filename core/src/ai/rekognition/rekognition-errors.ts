/**
 * The SDK names its exceptions after the wire error code (`__type`), e.g. `error.name ===
 * "ResourceNotFoundException"`. Matching on the name rather than `instanceof` also holds for a
 * client passed in from another copy of the SDK.
 */
export function isRekognitionError(error: unknown, name: RekognitionErrorName): boolean {
	return error instanceof Error && error.name === name;
}

export type RekognitionErrorName =
	| "ResourceNotFoundException"
	| "ResourceAlreadyExistsException"
	| "InvalidParameterException";

/** What the file picker offers and the drop zone keeps (PRODUCT.md §3); the server checks the content. */
export const acceptedTypes = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"] as const;
const acceptedExtensions = ["jpg", "jpeg", "png", "webp", "heic", "heif"] as const;

/** For the `accept` attribute: HEIC often comes without a MIME type, so extensions too. */
export const acceptAttribute = [...acceptedTypes, ...acceptedExtensions.map((e) => `.${e}`)].join(",");

export function isAcceptedFile(file: { name: string; type: string }): boolean {
	if ((acceptedTypes as readonly string[]).includes(file.type.toLowerCase())) return true;
	const extension = file.name.toLowerCase().split(".").pop() ?? "";
	return (acceptedExtensions as readonly string[]).includes(extension);
}

/** Same file picked twice (added again with "add more"): kept once. */
export function fileKey(file: File): string {
	return `${file.name}|${file.size}|${file.lastModified}`;
}

/**
 * The pro's choices before an import (PRODUCT.md §3), stored on the batch and copied onto each
 * photo. A leaf module (no imports): tables use the default at load time, so it must not sit in
 * the import cycle between the schema files.
 */
export interface UploadOptions {
	removeDuplicates: boolean;
	filterBlurry: boolean;
	autoRetouch: boolean;
	smartCrop: boolean;
}

export const defaultUploadOptions: UploadOptions = {
	removeDuplicates: true,
	filterBlurry: true,
	autoRetouch: false,
	smartCrop: false,
};

import type { adminFr } from "./admin-fr.ts";

const number = new Intl.NumberFormat("en-GB");

/** English texts of the admin space's own pages, typed by the French ones. */
export const adminEn: typeof adminFr = {
	aiSettings: {
		intro: "The thresholds of bib reading and face recognition, and the AI engine that applies them.",
		appliesWithinMinute:
			"A saved change applies without a restart: every worker reads these settings again at least once a minute.",
		inUse: (provider: string) => `Engine in use right now: ${provider}.`,
		providers: {
			local: "Local (the server's CPU)",
			rekognition: "Amazon Rekognition",
		},
		providerTitle: "AI engine",
		providerText: "The one that reads the bibs and finds the faces of new photos.",
		provider: "Engine",
		defaultProvider: (provider: string) => `Default: ${provider}, from the server's AI_PROVIDER.`,
		rekognitionUnavailable:
			"Rekognition is not configured on this server: set REKOGNITION_ACCESS_KEY_ID and REKOGNITION_SECRET_ACCESS_KEY (or AI_PROVIDER=rekognition), then restart the application.",
		bibsTitle: "Bibs",
		bibsText: "What counts as a bib number read on a photo.",
		bibMinConfidence: "Minimum confidence of a read (%)",
		bibMinConfidenceHelp: "Below it, a text read is not kept as a bib.",
		bibMinLength: "Minimum number of digits",
		bibMaxLength: "Maximum number of digits",
		facesTitle: "Faces",
		facesText: "Faces link the photos of one runner together, even when the bib is hidden.",
		faceIndexing: "Detect and index faces",
		faceIndexingHelp:
			"Off: no face is detected or kept, so there is no selfie search and no linking of photos by face.",
		faceMatchSimilarity: "Similarity to link two faces, Rekognition (%)",
		localFaceMatchCosine: "Similarity to link two faces, local engine (cosine from 0 to 1)",
		faceMatchHelp: "Above it, two faces count as the same runner.",
		selfieTitle: "Selfie search",
		selfieText:
			"The photos shown to a runner searching with a selfie. Lower than linking on purpose: seeing a look-alike costs nothing, filing a photo under the wrong runner does.",
		selfieMinSimilarity: "Minimum similarity, Rekognition (%)",
		localSelfieMinCosine: "Minimum similarity, local engine (cosine from 0 to 1)",
		defaultValue: (value: string) => `Default: ${value}.`,
		units: {
			percent: (value: string) => `${value}%`,
			digits: (count: number) => `${number.format(count)} digit${count === 1 ? "" : "s"}`,
			cosine: (value: string) => value,
		},
		on: "on",
		off: "off",
		overridden: "Changed",
		resetField: "Default value",
		resetFieldLabel: (field: string) => `Set “${field}” back to its default`,
		resetAll: "Set everything back to defaults",
		resetAllHint: "The fields take their default values again; save to apply.",
		unsaved: "Unsaved changes.",
		save: "Save",
		saving: "Saving…",
		saved: "Settings saved: the workers apply them within a minute.",
		invalid: "Fix the fields marked before saving.",
		errors: {
			number: (min: string, max: string) => `Enter a number between ${min} and ${max}.`,
			integer: (min: string, max: string) => `Enter a whole number between ${min} and ${max}.`,
			lengths: "The minimum cannot be above the maximum.",
		},
	},
};

import {
	type AiProvider,
	type AiSettings,
	type AiSettingsInput,
	AppError,
	acceptedAiSettings,
	aiSettingsKey,
	defaultAiSettings,
	type Env,
	isRekognitionConfigured,
	readStoredAiSettings,
} from "@focus-racer/core";
import { auditLog, type Db, platformSettings } from "@focus-racer/db";

/** What the admin's AI settings screen shows. */
export interface AiSettingsView {
	/** What the workers use: the overrides over the defaults of the provider in force. */
	settings: AiSettings;
	/** The admin's own overrides; a field missing here follows its default. */
	stored: AiSettingsInput;
	/** The defaults of the provider in force. */
	defaults: AiSettings;
	/** The defaults of each provider: the screen shows the right ones before a switch is saved. */
	providerDefaults: Record<AiProvider, AiSettings>;
	rekognitionConfigured: boolean;
	/** The provider when the admin has not chosen one (AI_PROVIDER). */
	envProvider: AiProvider;
}

function viewOf(stored: unknown, env: Env): AiSettingsView {
	const accepted = acceptedAiSettings(stored, env.AI_PROVIDER);
	const settings = accepted?.settings ?? defaultAiSettings(env.AI_PROVIDER);
	return {
		settings,
		// A value the workers ignore as a whole (edited by hand, an older shape) overrides nothing.
		stored: accepted?.overrides ?? {},
		defaults: defaultAiSettings(settings.provider),
		providerDefaults: { local: defaultAiSettings("local"), rekognition: defaultAiSettings("rekognition") },
		rekognitionConfigured: isRekognitionConfigured(env),
		envProvider: env.AI_PROVIDER,
	};
}

export async function getAiSettings(options: { db: Db; env: Env }): Promise<AiSettingsView> {
	return viewOf(await readStoredAiSettings(options.db), options.env);
}

/**
 * Replaces the admin's overrides (a field left out goes back to its default). Refused rather
 * than stored: a value `resolveAiSettings` would drop as a whole, and a provider this platform
 * has no access to (every photo would fail its AI step).
 */
export async function updateAiSettings(options: {
	db: Db;
	env: Env;
	actorId: string;
	ip?: string | undefined;
	settings: AiSettingsInput;
}): Promise<AiSettingsView> {
	const { db, env, settings } = options;
	// The schema checked each field; what the workers would still drop is the pair of lengths.
	if (!acceptedAiSettings(settings, env.AI_PROVIDER)) {
		const { bibMinLength, bibMaxLength } = defaultAiSettings(settings.provider ?? env.AI_PROVIDER);
		const min = settings.bibMinLength ?? bibMinLength;
		const max = settings.bibMaxLength ?? bibMaxLength;
		throw new AppError(
			"BAD_REQUEST",
			`The minimum bib length (${min}) cannot be above the maximum (${max}).`,
		);
	}
	if (settings.provider === "rekognition" && !isRekognitionConfigured(env)) {
		throw new AppError(
			"BAD_REQUEST",
			"Rekognition is not configured on this server: set REKOGNITION_ACCESS_KEY_ID and REKOGNITION_SECRET_ACCESS_KEY (or AI_PROVIDER=rekognition) first.",
		);
	}
	await db.transaction(async (tx) => {
		const before = await readStoredAiSettings(tx);
		await tx
			.insert(platformSettings)
			.values({ key: aiSettingsKey, value: settings, updatedById: options.actorId })
			.onConflictDoUpdate({
				target: platformSettings.key,
				set: { value: settings, updatedById: options.actorId, updatedAt: new Date() },
			});
		await tx.insert(auditLog).values({
			actorId: options.actorId,
			action: "settings.ai.update",
			targetType: "platform_setting",
			targetId: aiSettingsKey,
			details: { before, after: settings },
			ip: options.ip ?? null,
		});
	});
	return getAiSettings({ db, env });
}

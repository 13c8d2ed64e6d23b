import {
	type AiProvider,
	type AiSettings,
	type AiSettingsInput,
	AppError,
	aiSettingsKey,
	aiSettingsSchema,
	defaultAiSettings,
	type Env,
	isRekognitionConfigured,
	resolveAiSettings,
} from "@focus-racer/core";
import { auditLog, type Db, platformSettings } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import * as v from "valibot";

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

type Reader = Pick<Db, "select">;

async function readStored(db: Reader): Promise<unknown> {
	const [row] = await db
		.select({ value: platformSettings.value })
		.from(platformSettings)
		.where(eq(platformSettings.key, aiSettingsKey));
	return row?.value ?? null;
}

/** The bib lengths these overrides give once the defaults fill the gaps. */
function bibLengths(overrides: AiSettingsInput, envProvider: AiProvider) {
	const defaults = defaultAiSettings(overrides.provider ?? envProvider);
	return {
		min: overrides.bibMinLength ?? defaults.bibMinLength,
		max: overrides.bibMaxLength ?? defaults.bibMaxLength,
	};
}

function viewOf(stored: unknown, env: Env): AiSettingsView {
	const parsed = v.safeParse(aiSettingsSchema, stored ?? {});
	const overrides = parsed.success ? parsed.output : {};
	const lengths = bibLengths(overrides, env.AI_PROVIDER);
	const settings = resolveAiSettings(stored, env.AI_PROVIDER);
	return {
		settings,
		// A value the workers ignore as a whole (edited by hand, an older shape) overrides nothing.
		stored: lengths.min <= lengths.max ? overrides : {},
		defaults: defaultAiSettings(settings.provider),
		providerDefaults: { local: defaultAiSettings("local"), rekognition: defaultAiSettings("rekognition") },
		rekognitionConfigured: isRekognitionConfigured(env),
		envProvider: env.AI_PROVIDER,
	};
}

export async function getAiSettings(options: { db: Db; env: Env }): Promise<AiSettingsView> {
	return viewOf(await readStored(options.db), options.env);
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
	const lengths = bibLengths(settings, env.AI_PROVIDER);
	if (lengths.min > lengths.max) {
		throw new AppError(
			"BAD_REQUEST",
			`The minimum bib length (${lengths.min}) cannot be above the maximum (${lengths.max}).`,
		);
	}
	if (settings.provider === "rekognition" && !isRekognitionConfigured(env)) {
		throw new AppError(
			"BAD_REQUEST",
			"Rekognition is not configured on this server: set REKOGNITION_ACCESS_KEY_ID and REKOGNITION_SECRET_ACCESS_KEY (or AI_PROVIDER=rekognition) first.",
		);
	}
	await db.transaction(async (tx) => {
		const before = await readStored(tx);
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

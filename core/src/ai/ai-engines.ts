import type { Env } from "../config/env.ts";
import type { AiEngine, AiProvider } from "./ai-engine.ts";
import { createLocalEngine } from "./local/local-engine.ts";
import { createRekognitionEngine } from "./rekognition/rekognition-engine.ts";

/**
 * The engines of a process, by provider, each created on first use and kept: the admin can
 * switch provider at run time (AI settings), and the local models must load once per process,
 * not once per photo. Nothing loads until a photo or a selfie needs it.
 */
export interface AiEngines {
	get(provider: AiProvider): Promise<AiEngine>;
	close(): Promise<void>;
}

export type AiEngineFactories = Record<AiProvider, () => AiEngine | Promise<AiEngine>>;

export function aiEngineFactories(env: Env): AiEngineFactories {
	return {
		local: () => createLocalEngine(),
		rekognition: () =>
			createRekognitionEngine({
				region: env.REKOGNITION_REGION,
				collectionPrefix: env.REKOGNITION_COLLECTION_PREFIX,
				...(env.REKOGNITION_ENDPOINT ? { endpoint: env.REKOGNITION_ENDPOINT } : {}),
				...(env.REKOGNITION_ACCESS_KEY_ID && env.REKOGNITION_SECRET_ACCESS_KEY
					? {
							credentials: {
								accessKeyId: env.REKOGNITION_ACCESS_KEY_ID,
								secretAccessKey: env.REKOGNITION_SECRET_ACCESS_KEY,
							},
						}
					: {}),
			}),
	};
}

/**
 * Whether this process may switch to Rekognition. The region always has a default, so it says
 * nothing; keys or an endpoint do, and so does AI_PROVIDER=rekognition (the operator chose it
 * and relies on the SDK's default chain: an instance role, AWS_* variables, ~/.aws).
 */
export function isRekognitionConfigured(env: Env): boolean {
	return (
		env.AI_PROVIDER === "rekognition" ||
		env.REKOGNITION_ENDPOINT !== undefined ||
		(env.REKOGNITION_ACCESS_KEY_ID !== undefined && env.REKOGNITION_SECRET_ACCESS_KEY !== undefined)
	);
}

/** `factories` replaces some providers (tests: a Rekognition engine pointed at the fake server). */
export function createAiEngines(env: Env, factories: Partial<AiEngineFactories> = {}): AiEngines {
	const all = { ...aiEngineFactories(env), ...factories };
	const engines = new Map<AiProvider, Promise<AiEngine>>();
	return {
		get(provider) {
			let engine = engines.get(provider);
			if (!engine) {
				engine = Promise.resolve().then(() => all[provider]());
				engines.set(provider, engine);
				// A failed start (bad credentials…) is not kept: the next photo tries again.
				engine.catch(() => engines.delete(provider));
			}
			return engine;
		},
		async close() {
			const started = [...engines.values()];
			engines.clear();
			await Promise.all(started.map(async (e) => (await e.catch(() => null))?.close()));
		},
	};
}

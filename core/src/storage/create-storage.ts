import path from "node:path";
import { type Env, EnvError } from "../config/env.ts";
import { LocalStorage } from "./local-storage.ts";
import { resolveMediaSigningSecret } from "./media-signing.ts";
import { S3Storage } from "./s3-storage.ts";
import type { Storage } from "./storage.ts";

export type StorageEnv = Pick<
	Env,
	| "STORAGE_DRIVER"
	| "DATA_DIR"
	| "MEDIA_DIR"
	| "MEDIA_SIGNING_SECRET"
	| "PUBLIC_URL"
	| "S3_BUCKET"
	| "S3_REGION"
	| "S3_ENDPOINT"
	| "S3_ACCESS_KEY_ID"
	| "S3_SECRET_ACCESS_KEY"
	| "S3_FORCE_PATH_STYLE"
>;

/** The media storage of STORAGE_DRIVER; one per process, passed down as a dependency. */
export function createStorage(env: StorageEnv): Storage {
	if (env.STORAGE_DRIVER === "s3") {
		if (!env.S3_BUCKET) {
			throw new EnvError("Invalid environment:\n  S3_BUCKET: must be set when STORAGE_DRIVER=s3");
		}
		if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
			throw new EnvError(
				"Invalid environment:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset for the AWS default credentials)",
			);
		}
		return new S3Storage({
			bucket: env.S3_BUCKET,
			region: env.S3_REGION,
			...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
			...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
				? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
				: {}),
			forcePathStyle: env.S3_FORCE_PATH_STYLE,
			...(env.PUBLIC_URL ? { publicBaseUrl: env.PUBLIC_URL } : {}),
		});
	}
	return new LocalStorage({
		root: env.MEDIA_DIR ?? path.join(env.DATA_DIR, "media"),
		signingSecret: resolveMediaSigningSecret(env),
		...(env.PUBLIC_URL ? { publicBaseUrl: env.PUBLIC_URL } : {}),
	});
}

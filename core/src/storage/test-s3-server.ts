import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/** The part of s3rver's (untyped, CommonJS) API the tests use. */
interface S3rverInstance {
	run(): Promise<{ address: string; port: number }>;
	close(): Promise<void>;
}
type S3rverConstructor = new (options: {
	address: string;
	port: number;
	directory: string;
	silent: boolean;
	configureBuckets: { name: string }[];
}) => S3rverInstance;

export interface TestS3Server {
	endpoint: string;
	bucket: string;
	/** s3rver only knows this key pair (it does not check SigV4 signatures, but it checks the key id). */
	credentials: { accessKeyId: string; secretAccessKey: string };
	close: () => Promise<void>;
}

/**
 * An S3-protocol server in this process (s3rver, a root devDependency: tests only), on
 * 127.0.0.1 with a port the OS picks, storing into a temp dir removed on close. Path-style only.
 */
export async function startTestS3Server(bucket = "focus-racer-test"): Promise<TestS3Server> {
	const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
	const directory = mkdtempSync(path.join(tmpdir(), "focus-racer-s3rver-"));
	const server = new S3rver({
		address: "127.0.0.1",
		port: 0,
		directory,
		silent: true,
		configureBuckets: [{ name: bucket }],
	});
	const { port } = await server.run();
	return {
		endpoint: `http://127.0.0.1:${port}`,
		bucket,
		credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
		close: async () => {
			await server.close();
			rmSync(directory, { recursive: true, force: true });
		},
	};
}

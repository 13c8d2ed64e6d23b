import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id (the library's default algorithm) with OWASP's minimum profile: 19 MiB, 2 passes,
 * 1 lane — memory-hard yet ~20 ms per hash on one core, so login stays cheap for us.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const passwordRules = { minLength: 10, maxLength: 256 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a failed login, never a crash.
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for logins with an unknown email,
 * so response times do not reveal which emails have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword("focus-racer-timing-equaliser");
	await verifyPassword(await dummyHash, password);
	return false;
}

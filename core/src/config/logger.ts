import { pino } from "pino";
import type { Env } from "./env.ts";

export type Logger = pino.Logger;

/** JSON lines in production (for log shippers); the same in dev, kept short by `base: { svc }`. */
export function createLogger(env: Pick<Env, "LOG_LEVEL">, svc: string): Logger {
	return pino({ level: env.LOG_LEVEL, base: { svc } });
}

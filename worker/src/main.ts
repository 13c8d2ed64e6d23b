import { exitOnStartError, runWorkerProcess } from "./worker-process.ts";

runWorkerProcess().catch(exitOnStartError);

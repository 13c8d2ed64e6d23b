import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./db/src/testing/summary-reporter.ts";

export default defineConfig({
	test: {
		include: ["{db,core,api,worker,web}/src/**/*.test.{ts,tsx}"],
		globalSetup: ["db/src/testing/global-setup.ts"],
		reporters: ["default", new SummaryReporter()],
		// Integration tests talk to a real PostgreSQL and real servers: give them room on 2 cores.
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: "forks",
	},
});

// What global-setup.ts hands to test files through vitest's provide/inject.
declare module "vitest" {
	export interface ProvidedContext {
		/** Server URL (any database) where each test file creates its own database. */
		pgServerUrl: string;
		/** Name of the migrated template database that test databases are cloned from. */
		pgTemplate: string;
	}
}

export type {};

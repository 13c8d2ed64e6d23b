import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { App } from "./app.ts";

export interface RunningServer {
	url: string;
	port: number;
	close: () => Promise<void>;
}

/** Listens and resolves once bound (port 0 picks a free port, for tests). */
export function listen(app: App, options: { host: string; port: number }): Promise<RunningServer> {
	return new Promise((resolve, reject) => {
		const server = serve(
			{ fetch: app.fetch, hostname: options.host, port: options.port },
			(info: AddressInfo) => {
				const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
				resolve({
					url: `http://${host}:${info.port}`,
					port: info.port,
					close: () =>
						new Promise<void>((done) => {
							server.close(() => done());
							// Keep-alive sockets would hold close() open until they time out.
							if ("closeAllConnections" in server) server.closeAllConnections();
						}),
				});
			},
		);
		server.once("error", (err: NodeJS.ErrnoException) => {
			reject(
				err.code === "EADDRINUSE"
					? new Error(`Port ${options.port} is already in use: stop the other server or set PORT.`)
					: err,
			);
		});
	});
}

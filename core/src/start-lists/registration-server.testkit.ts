import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
}

export interface Reply {
	status?: number;
	/** Sent as JSON unless a string (sent as is, to test non-JSON answers). */
	body?: unknown;
	contentType?: string;
	/** Wait before answering (timeouts). */
	delayMs?: number;
}

export interface RegistrationServer {
	/** http://127.0.0.1:<port>, to use as the source's baseUrl. */
	origin: string;
	requests: RecordedRequest[];
	/** Replaces how the next requests are answered. */
	answer(handler: (request: RecordedRequest) => Reply): void;
	close(): Promise<void>;
}

/** A real HTTP server on a free local port standing in for a registration platform. */
export async function startRegistrationServer(): Promise<RegistrationServer> {
	const requests: RecordedRequest[] = [];
	let handler: (request: RecordedRequest) => Reply = () => ({ status: 500, body: { error: "no handler" } });
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const recorded = {
			method: req.method ?? "GET",
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
		};
		requests.push(recorded);
		const reply = handler(recorded);
		const send = () => {
			if (res.destroyed) return;
			const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
			res.writeHead(reply.status ?? 200, {
				"content-type":
					reply.contentType ?? (typeof reply.body === "string" ? "text/html" : "application/json"),
			});
			res.end(text);
		};
		if (reply.delayMs === undefined) send();
		else setTimeout(send, reply.delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		answer(next) {
			handler = next;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

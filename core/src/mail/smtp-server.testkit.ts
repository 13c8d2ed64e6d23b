import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
	from: string;
	to: string[];
	/** The whole RFC 5322 message as the server received it. */
	raw: string;
}

export interface TestSmtpServer {
	url: string;
	received: ReceivedMail[];
	close: () => Promise<void>;
}

/**
 * An SMTP server in this process (smtp-server, a root devDependency: tests only) on 127.0.0.1,
 * a port the OS picks, keeping every message it accepts. `rejectRecipient` answers RCPT with 550.
 */
export async function startTestSmtpServer(
	options: { rejectRecipient?: string } = {},
): Promise<TestSmtpServer> {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		// Its built-in certificate is self-signed: nodemailer would upgrade to TLS and refuse it.
		hideSTARTTLS: true,
		logger: false,
		onRcptTo(address, _session, callback) {
			if (address.address === options.rejectRecipient) {
				callback(Object.assign(new Error("No such user here"), { responseCode: 550 }));
				return;
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on("data", (chunk: Buffer) => chunks.push(chunk));
			stream.on("end", () => {
				const { mailFrom, rcptTo } = session.envelope;
				received.push({
					from: mailFrom === false ? "" : mailFrom.address,
					to: rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString("utf8"),
				});
				callback();
			});
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The decoded text of a quoted-printable body (what nodemailer uses for non-ASCII text). */
export function decodeQuotedPrintable(body: string): string {
	const bytes = body
		.replace(/=\r?\n/g, "")
		.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
	return Buffer.from(bytes, "latin1").toString("utf8");
}

import { type Logger, type Mailer, renderMail } from "@focus-racer/core";
import { type Db, events, orders } from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";
import { createDownloadToken } from "../downloads/download-tokens.ts";
import { orderPhotoCount } from "./order-columns.ts";

export interface ReceiptDeps {
	db: Db;
	mailer: Mailer;
	log: Logger;
	/** The site's public origin, for the link in the mail. */
	siteUrl: string;
}

const copy = {
	fr: {
		subject: (event: string) => `Vos photos de ${event}`,
		hello: (name: string | null) => (name ? `Bonjour ${name},` : "Bonjour,"),
		paid: (count: number, total: string) =>
			`Merci pour votre achat : ${count} photo${count > 1 ? "s" : ""} en haute définition, ${total}.`,
		link: "Le lien ci-dessous ouvre vos téléchargements pendant 30 jours (chaque fichier, ou tout en un ZIP).",
		test: "Paiement de test : aucun argent n'a été débité.",
		action: "Télécharger mes photos",
	},
	en: {
		subject: (event: string) => `Your photos from ${event}`,
		hello: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
		paid: (count: number, total: string) =>
			`Thank you for your purchase: ${count} high-resolution photo${count > 1 ? "s" : ""}, ${total}.`,
		link: "The link below opens your downloads for 30 days (each file, or everything as one ZIP).",
		test: "Test payment: no money was taken.",
		action: "Download my photos",
	},
} as const;

/**
 * The download mail of a paid order, sent once: only while receipt_sent_at is empty, and
 * through sendOnce (kind + order id) so two deliveries racing send one mail. Called after the
 * payment's transaction committed, and again on a replayed webhook, so a crash between the
 * payment and the mail is mended by Stripe's retry.
 */
export async function sendReceiptIfDue(deps: ReceiptDeps, orderId: string): Promise<void> {
	const { db } = deps;
	const [order] = await db
		.select({
			id: orders.id,
			email: orders.buyerEmail,
			name: orders.buyerName,
			locale: orders.locale,
			totalCents: orders.totalCents,
			isTestPayment: orders.isTestPayment,
			eventName: events.name,
			photoCount: orderPhotoCount,
		})
		.from(orders)
		.leftJoin(events, eq(events.id, orders.eventId))
		.where(and(eq(orders.id, orderId), eq(orders.status, "paid"), sql`${orders.receiptSentAt} is null`));
	if (!order) return;
	const words = copy[order.locale];
	const token = await createDownloadToken(db, order.id);
	const total = new Intl.NumberFormat(order.locale === "fr" ? "fr-FR" : "en-GB", {
		style: "currency",
		currency: "EUR",
	}).format(order.totalCents / 100);
	const eventName = order.eventName ?? "Focus Racer";
	const mail = renderMail({
		locale: order.locale,
		title: words.subject(eventName),
		paragraphs: [
			words.hello(order.name),
			words.paid(order.photoCount, total),
			words.link,
			...(order.isTestPayment ? [words.test] : []),
		],
		action: { label: words.action, url: new URL(`/downloads/${token}`, deps.siteUrl).toString() },
	});
	await deps.mailer.sendOnce({ ...mail, to: order.email, kind: "order.receipt", reference: order.id });
	await db.update(orders).set({ receiptSentAt: new Date() }).where(eq(orders.id, order.id));
}

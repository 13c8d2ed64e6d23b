export type MailLocale = "fr" | "en";

export interface MailContent {
	/** Also the subject. */
	title: string;
	/** Plain text; a "\n" inside one becomes a line break. */
	paragraphs: readonly string[];
	/** The one thing the reader should do, e.g. download their photos. */
	action?: { label: string; url: string } | undefined;
	/** Only for the few words this helper adds; the caller passes its content already translated. */
	locale: MailLocale;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

const words = {
	fr: {
		copyLink: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:",
		automatic: "Message automatique, merci de ne pas y répondre.",
	},
	en: {
		copyLink: "If the button does not work, copy this link into your browser:",
		automatic: "Automatic message, please do not reply.",
	},
} satisfies Record<MailLocale, Record<string, string>>;

/** Text and attribute safe: the content comes from users (names, event titles). */
export function escapeHtml(value: string): string {
	return value
		.replaceAll("&", "&amp;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll('"', "&quot;")
		.replaceAll("'", "&#39;");
}

/**
 * A mail's subject, plain text and HTML from one content. The HTML has inline styles only and
 * no image or font to fetch, as mail clients strip <style> and block remote assets.
 */
export function renderMail(content: MailContent): RenderedMail {
	const t = words[content.locale];
	const action = content.action;
	if (action) {
		// The URL lands in an href: only web links, never javascript: or data:.
		const protocol = new URL(action.url).protocol;
		if (protocol !== "https:" && protocol !== "http:")
			throw new Error(`mail link must be http(s): ${action.url}`);
	}

	const text = [
		content.title,
		...content.paragraphs,
		...(action ? [`${action.label}:\n${action.url}`] : []),
		`--\n${t.automatic}`,
	].join("\n\n");

	const paragraph = (p: string) =>
		`<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#27272a;">${escapeHtml(p).replaceAll("\n", "<br>")}</p>`;
	const button = action
		? `<p style="margin:24px 0;"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background:#2563eb;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;">${escapeHtml(action.label)}</a></p>` +
			`<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#71717a;">${escapeHtml(t.copyLink)}<br><a href="${escapeHtml(action.url)}" style="color:#2563eb;word-break:break-all;">${escapeHtml(action.url)}</a></p>`
		: "";
	const html = [
		"<!doctype html>",
		`<html lang="${content.locale}">`,
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(content.title)}</title></head>`,
		"<body style=\"margin:0;padding:24px 12px;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">",
		'<div style="max-width:560px;margin:0 auto;padding:32px 24px;background:#ffffff;border-radius:8px;">',
		`<h1 style="margin:0 0 24px;font-size:22px;line-height:1.3;color:#18181b;">${escapeHtml(content.title)}</h1>`,
		...content.paragraphs.map(paragraph),
		button,
		"</div>",
		`<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#a1a1aa;text-align:center;">${escapeHtml(t.automatic)}</p>`,
		"</body>",
		"</html>",
	].join("\n");

	return { subject: content.title, text, html };
}

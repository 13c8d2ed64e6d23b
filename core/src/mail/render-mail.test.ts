import { describe, expect, it } from "vitest";
import { escapeHtml, renderMail } from "./render-mail.ts";

describe("renderMail", () => {
	const hostile = {
		title: `Photos <script>alert("x")</script> & co`,
		paragraphs: ["Bonjour O'Brien <b>!</b>", "ligne 1\nligne 2"],
		action: { label: "Télécharger <vite>", url: 'https://photos.example/d/a?b=1&c="2"' },
	};

	it("escapes every piece of content in the HTML and keeps the text version raw", () => {
		const { subject, text, html } = renderMail({ ...hostile, locale: "fr" });

		expect(subject).toBe(hostile.title);
		expect(html).not.toContain("<script>");
		expect(html).not.toContain("<b>");
		expect(html).not.toContain("<vite>");
		expect(html).toContain("Photos &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
		expect(html).toContain("Bonjour O&#39;Brien &lt;b&gt;!&lt;/b&gt;");
		expect(html).toContain("ligne 1<br>ligne 2");
		expect(html).toContain('href="https://photos.example/d/a?b=1&amp;c=&quot;2&quot;"');
		expect(html).toContain("Télécharger &lt;vite&gt;");
		// No asset to fetch, no stylesheet a client would strip.
		expect(html).not.toMatch(/<img|<link|<style|src=/);

		expect(text).toContain(hostile.title);
		expect(text).toContain("Bonjour O'Brien <b>!</b>");
		expect(text).toContain(`Télécharger <vite>:\n${hostile.action.url}`);
	});

	it("writes its own words in the reader's language", () => {
		const fr = renderMail({ ...hostile, locale: "fr" });
		const en = renderMail({ ...hostile, locale: "en" });
		expect(fr.html).toContain('<html lang="fr">');
		expect(fr.text).toContain("Message automatique, merci de ne pas y répondre.");
		expect(fr.html).toContain("copiez ce lien");
		expect(en.html).toContain('<html lang="en">');
		expect(en.text).toContain("Automatic message, please do not reply.");
		expect(en.html).toContain("copy this link");
	});

	it("works without a call to action and refuses links that are not http(s)", () => {
		const { html, text } = renderMail({ title: "Hello", paragraphs: ["Only words"], locale: "en" });
		expect(html).not.toContain("<a ");
		expect(text).toBe("Hello\n\nOnly words\n\n--\nAutomatic message, please do not reply.");
		expect(() =>
			renderMail({
				title: "x",
				paragraphs: [],
				action: { label: "x", url: "javascript:alert(1)" },
				locale: "en",
			}),
		).toThrow(/http/);
	});
});

describe("escapeHtml", () => {
	it("escapes the five characters that matter in text and attributes", () => {
		expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
			"&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
		);
	});
});

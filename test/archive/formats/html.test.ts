// HTML: the main text laid out as paragraphs, page furniture dropped, and what the page
// says about itself read from its head.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { extractDocument } from "../../../src/archive/formats/index.ts";

const PARAGRAPHS = [
  "The first paragraph explains how a defence ministry placed a large order for training aircraft with a foreign manufacturer, and how the payment was routed through a state bank cut off from international networks.",
  "A second paragraph, with a link and some emphasis, lists the delegations that attended a regional security conference in the capital the following month.",
  "The third paragraph notes that several governments declined to send ministers and sent junior officials instead, which observers read as a quiet protest.",
];

function page(opts: { head?: string; lang?: string } = {}): string {
  return `<!DOCTYPE html>
<html${opts.lang ? ` lang="${opts.lang}"` : ""}><head>
<meta charset="utf-8">
${opts.head ?? ""}
<style>.style-marker { color: red }</style>
<script>var scriptMarker = "inline script text";</script>
</head><body>
<header><div class="logo">Banner marker</div><nav><a href="/">Home</a><a href="/about">Nav marker</a></nav></header>
<nav class="menu"><ul><li>Menu marker one</li><li>Menu marker two</li></ul></nav>
<main><article>
<h1>Arms and Allies</h1>
<p>${PARAGRAPHS[0].replace("training aircraft", "training\n   aircraft")}</p>
<p>${PARAGRAPHS[1].replace("a link", '<a href="#x">a link</a>').replace("some emphasis", "<em>some</em> emphasis")}</p>
<ul><li>First listed item</li><li>Second listed item</li></ul>
<p>${PARAGRAPHS[2]}</p>
</article></main>
<aside>Sidebar marker</aside>
<footer>Footer marker</footer>
<script>document.write("late script marker")</script>
</body></html>`;
}

const HEAD = `<title>Arms and Allies | The Example Monitor</title>
<meta property="og:title" content="Arms and Allies">
<meta property="og:site_name" content="The Example Monitor">
<meta name="author" content="Jane Researcher">
<meta property="article:published_time" content="2022-08-04T23:30:00-05:00">
<link rel="canonical" href="https://monitor.example.org/2022/arms-and-allies">`;

describe("HTML main text", () => {
  it("keeps the article as paragraphs and drops scripts, styles, navigation, banner, sidebar and footer", async () => {
    const doc = await extractDocument(Buffer.from(page({ head: HEAD, lang: "en-GB" })), { filename: "article.html" });
    assert.equal(doc.format, "html");
    assert.equal(doc.mediaType, "text/html; charset=utf-8");
    for (const p of PARAGRAPHS) assert.ok(doc.text.includes(p), `missing paragraph: ${p.slice(0, 40)}`);
    // paragraphs are separated by blank lines, list items sit on their own lines
    assert.ok(doc.text.includes(PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]));
    assert.ok(doc.text.includes("\nFirst listed item\nSecond listed item\n"));
    for (const marker of ["scriptMarker", "script marker", "style-marker", "Banner marker", "Nav marker", "Menu marker", "Sidebar marker", "Footer marker"]) {
      assert.ok(!doc.text.includes(marker), `should have dropped ${marker}`);
    }
    assert.ok(!/[<>]/.test(doc.text), "no tags in the text");
    assert.doesNotMatch(doc.text, /\n{3,}|  /);
    assert.equal(doc.language, "en");
  });

  it("reads title, author, date, publisher, canonical URL and language from the head", async () => {
    const doc = await extractDocument(Buffer.from(page({ head: HEAD, lang: "en-GB" })), { filename: "article.html" });
    assert.deepEqual(doc.metadata, {
      title: "Arms and Allies",
      author: "Jane Researcher",
      published: "2022-08-04", // the date as published, not shifted to UTC
      publisher: "The Example Monitor",
      url: "https://monitor.example.org/2022/arms-and-allies",
      language: "en",
    });
  });

  it("falls back to <title> and JSON-LD when Open Graph is absent", async () => {
    const head = `<title>Plain Title</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Ld Headline","datePublished":"2021-06-29","author":[{"@type":"Person","name":"Ann Author"}],"publisher":{"@type":"Organization","name":"Ld Publisher"}}]}</script>`;
    const doc = await extractDocument(Buffer.from(page({ head })), { filename: "ld.html" });
    assert.equal(doc.metadata.title, "Ld Headline");
    assert.equal(doc.metadata.author, "Ann Author");
    assert.equal(doc.metadata.published, "2021-06-29");
    assert.equal(doc.metadata.publisher, "Ld Publisher");
    assert.equal(doc.metadata.url, undefined);
    const plain = await extractDocument(Buffer.from(page({ head: "<title>Plain Title</title>" })), { filename: "t.html" });
    assert.equal(plain.metadata.title, "Plain Title");
  });

  it("a fragment without <html> still yields its paragraphs", async () => {
    const doc = await extractDocument(Buffer.from("<p>One <b>bold</b> word.</p><p>Two<br>lines.</p>"), { filename: "frag.htm" });
    assert.equal(doc.text, "One bold word.\n\nTwo\nlines.");
  });

  it("a page with no text is archived with a warning", async () => {
    const doc = await extractDocument(Buffer.from("<html><body><script>x()</script></body></html>"), { filename: "blank.html" });
    assert.equal(doc.text, "");
    assert.ok(doc.warnings.length > 0);
  });

  it("honours a legacy charset named in <meta http-equiv>", async () => {
    const ru = "Делегация прибыла в столицу для переговоров о военном сотрудничестве и поставках техники.";
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Заголовок</title></head><body><p>${ru}</p></body></html>`;
    const doc = await extractDocument(iconv.encode(html, "windows-1251"), { filename: "ru.html" });
    assert.equal(doc.encoding, "windows-1251");
    assert.equal(doc.text, ru);
    assert.equal(doc.metadata.title, "Заголовок");
    assert.equal(doc.language, "ru");
  });

  it("is sniffed as HTML when neither name nor type says so", async () => {
    const doc = await extractDocument(Buffer.from(page({ head: HEAD })), {});
    assert.equal(doc.format, "html");
    assert.ok(doc.text.includes(PARAGRAPHS[2]));
  });

  it("a .txt file holding markup stays text (the name wins over sniffing)", async () => {
    const src = page({ head: HEAD });
    const doc = await extractDocument(Buffer.from(src), { filename: "saved.txt" });
    assert.equal(doc.format, "text");
    assert.equal(doc.text, src);
  });

  it("the content type wins over the extension", async () => {
    const doc = await extractDocument(Buffer.from(page({ head: HEAD })), { filename: "download.txt", contentType: "text/html; charset=utf-8" });
    assert.equal(doc.format, "html");
  });
});

// Extracts the main text of an HTML page and what the page says about itself. The page is
// parsed with linkedom; page furniture (scripts, styles, navigation, banners, sidebars) is
// removed; @mozilla/readability picks the article, falling back to the whole body when it
// finds none; and the result is laid out as paragraphs. Title, author, date, publisher,
// canonical URL and language come from <title>, Open Graph, meta tags and JSON-LD.
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { domToText, type DomNode } from "./html-text.ts";
import { toEdtfDate } from "./edtf.ts";
import { normaliseLanguageTag } from "./language.ts";
import type { DocumentMetadata } from "./types.ts";

export interface HtmlExtraction {
  text: string;
  metadata: DocumentMetadata;
  warnings: string[];
  /** Which route produced the text: Readability's article or the page body. */
  method: "readability" | "body";
}

/** Minimal element surface used here; linkedom's elements provide it. */
interface El extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  querySelector(sel: string): El | null;
  closest(sel: string): El | null;
  remove(): void;
}
interface Doc extends El {
  documentElement: El | null;
  body: El | null;
  title: string;
}

/** Elements that are page furniture wherever they appear. */
const FURNITURE = [
  "script", "style", "noscript", "template", "nav", "aside", "iframe", "form", "dialog",
  "[role=navigation]", "[role=complementary]", "[role=search]", "[hidden]", "[aria-hidden=true]",
];
/** Banners and footers of the page, but not the header of an article inside <article>/<main>. */
const PAGE_CHROME = ["header", "footer", "[role=banner]", "[role=contentinfo]"];

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

function isAbsoluteUrl(s: string | undefined): s is string {
  return !!s && /^https?:\/\/\S+$/i.test(s);
}

/** meta name/property/itemprop (lowercased) -> first non-empty content. */
function readMetaTags(doc: Doc): Map<string, string> {
  const metas = new Map<string, string>();
  const nodes = doc.querySelectorAll("meta");
  for (let i = 0; i < nodes.length; i++) {
    const m = nodes[i];
    const content = clean(m.getAttribute("content"));
    if (!content) continue;
    for (const attr of ["name", "property", "itemprop", "http-equiv"]) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  return metas;
}

interface JsonLdFacts {
  headline?: string;
  author?: string;
  published?: string;
  publisher?: string;
  url?: string;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(", ") : undefined;
  }
  if (v && typeof v === "object" && "name" in v) return nameOf((v as { name: unknown }).name);
  return undefined;
}

/** Facts from schema.org JSON-LD blocks describing an article (the first that has them wins). */
function readJsonLd(doc: Doc): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o["@graph"]) visit(o["@graph"]);
    if (typeof o.datePublished === "string") facts.published ??= o.datePublished;
    facts.headline ??= typeof o.headline === "string" ? clean(o.headline) : undefined;
    if (o.datePublished || o.headline) {
      facts.author ??= nameOf(o.author);
      facts.publisher ??= nameOf(o.publisher);
      if (typeof o.url === "string" && isAbsoluteUrl(o.url)) facts.url ??= o.url;
    }
  };
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i].textContent ?? ""));
    } catch {
      // A malformed JSON-LD block says nothing reliable; the meta tags still may.
    }
  }
  return facts;
}

function readMetadata(doc: Doc): DocumentMetadata {
  const meta = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const first = (...vals: (string | undefined)[]) => vals.find((v) => v !== undefined && v !== "");
  const notUrl = (v: string | undefined) => (v && !/^https?:\/\//i.test(v) ? v : undefined);
  const timeEl = doc.querySelector("time[itemprop=datePublished], [itemprop=datePublished][datetime]");
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim();

  const md: DocumentMetadata = {};
  const title = first(meta.get("og:title"), ld.headline, meta.get("twitter:title"), clean(doc.title), meta.get("dc.title"));
  if (title) md.title = title;
  const author = first(
    meta.get("author"),
    notUrl(meta.get("article:author")),
    ld.author,
    meta.get("dc.creator"),
    meta.get("citation_author"),
  );
  if (author) md.author = author;
  const published = toEdtfDate(
    first(
      meta.get("article:published_time"),
      ld.published,
      meta.get("datepublished"),
      clean(timeEl?.getAttribute("datetime")),
      meta.get("og:published_time"),
      meta.get("date"),
      meta.get("pubdate"),
      meta.get("publishdate"),
      meta.get("dc.date.issued"),
      meta.get("dcterms.issued"),
      meta.get("dc.date"),
      meta.get("citation_publication_date"),
    ),
  );
  if (published) md.published = published;
  const publisher = first(meta.get("og:site_name"), ld.publisher, notUrl(meta.get("publisher")), meta.get("dc.publisher"));
  if (publisher) md.publisher = publisher;
  const url = [canonical, meta.get("og:url"), ld.url].find(isAbsoluteUrl);
  if (url) md.url = url;
  const lang = normaliseLanguageTag(
    first(clean(doc.documentElement?.getAttribute("lang")), meta.get("content-language"), meta.get("og:locale")),
  );
  if (lang) md.language = lang;
  return md;
}

function removeAll(root: El, selectors: string[], keep?: (el: El) => boolean): void {
  const found = root.querySelectorAll(selectors.join(","));
  const list: El[] = [];
  for (let i = 0; i < found.length; i++) list.push(found[i]);
  for (const el of list) if (!keep?.(el)) el.remove();
}

/** linkedom treats a fragment's first element as the document element; give it a page. */
function asPage(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 65536)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function extractHtml(html: string): HtmlExtraction {
  const warnings: string[] = [];
  const { document } = parseHTML(asPage(html)) as unknown as { document: Doc };
  const metadata = readMetadata(document);

  removeAll(document, FURNITURE);
  removeAll(document, PAGE_CHROME, (el) => el.closest("article, main, [role=main]") !== null);
  const root = document.body ?? document.documentElement ?? document;
  const bodyText = domToText(root);

  let text = "";
  let method: HtmlExtraction["method"] = "body";
  try {
    const article = new Readability<DomNode>(document as never, { serializer: (n) => n as unknown as DomNode }).parse();
    if (article?.content) text = domToText(article.content);
    if (text) method = "readability";
    if (!metadata.author && article?.byline) metadata.author = clean(article.byline);
    if (!metadata.publisher && article?.siteName) metadata.publisher = clean(article.siteName);
    if (!metadata.published && article?.publishedTime) metadata.published = toEdtfDate(article.publishedTime);
  } catch (e) {
    warnings.push(`readability failed (${e instanceof Error ? e.message : String(e)}); using the page body`);
  }
  if (!text) text = bodyText;
  if (!text) warnings.push("the page has no text");
  for (const k of Object.keys(metadata) as (keyof DocumentMetadata)[]) if (metadata[k] === undefined) delete metadata[k];
  return { text, metadata, warnings, method };
}

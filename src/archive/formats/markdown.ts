// What a Markdown file says about itself: YAML front matter (title, author, date, lang)
// and, failing a title there, its first level-one heading. The text itself stays as written.
import { parse as parseYaml } from "yaml";
import { toEdtfDate } from "./edtf.ts";
import { normaliseLanguageTag } from "./language.ts";
import type { DocumentMetadata } from "./types.ts";

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/.exec(text);
  if (!m) return {};
  try {
    const v: unknown = parseYaml(m[1]);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Strips inline Markdown (emphasis, code, links) from a heading so the title reads plainly. */
function plain(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function markdownMetadata(text: string): DocumentMetadata {
  const fm = frontMatter(text);
  const str = (k: string): string | undefined => {
    const v = fm[k];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === "number") return String(v);
    return undefined;
  };
  const md: DocumentMetadata = {};
  const heading = /^ {0,3}#[ \t]+(.+)$/m.exec(text);
  const title = str("title") ?? (heading ? plain(heading[1]) : undefined);
  if (title) md.title = title;
  const author = str("author");
  if (author) md.author = author;
  const published = toEdtfDate(str("date") ?? str("published"));
  if (published) md.published = published;
  const publisher = str("publisher");
  if (publisher) md.publisher = publisher;
  const url = str("url");
  if (url && /^https?:\/\//i.test(url)) md.url = url;
  const language = normaliseLanguageTag(str("lang") ?? str("language"));
  if (language) md.language = language;
  return md;
}

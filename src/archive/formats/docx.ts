// Reads the text of a Word (.docx) document with mammoth, paragraphs separated by blank
// lines, and its title and author from the package's core properties (docProps/core.xml).
// mammoth and jszip load on first use: most ingests hold no DOCX, and loading them costs
// every process (and every extraction thread) a noticeable part of its start-up.
import { DossierError } from "../../errors/index.ts";
import type { DocumentMetadata } from "./types.ts";

export interface DocxExtraction {
  text: string;
  metadata: DocumentMetadata;
  warnings: string[];
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** dc:title and dc:creator are plain text elements; a pattern reads them without a full XML parse. */
async function coreProperties(buffer: Buffer): Promise<DocumentMetadata> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(buffer);
  const core = await zip.file("docProps/core.xml")?.async("string");
  if (!core) return {};
  const read = (tag: string) => {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(core);
    const v = m ? decodeXmlText(m[1]).replace(/\s+/g, " ").trim() : "";
    return v || undefined;
  };
  const md: DocumentMetadata = {};
  const title = read("dc:title");
  if (title) md.title = title;
  const author = read("dc:creator");
  if (author) md.author = author;
  const language = read("dc:language")?.toLowerCase().split(/[-_]/)[0];
  if (language) md.language = language;
  return md;
}

export async function extractDocx(bytes: Uint8Array, file?: string): Promise<DocxExtraction> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  const warnings: string[] = [];
  try {
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.extractRawText({ buffer });
    text = result.value.replace(/\n{3,}/g, "\n\n").trim();
    for (const m of result.messages) warnings.push(`docx: ${m.message}`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DossierError("BAD_INPUT", `DOCX is damaged: ${why}`, file ? { file } : {}, { cause: e });
  }
  let metadata: DocumentMetadata = {};
  try {
    metadata = await coreProperties(buffer);
  } catch {
    warnings.push("docx: core properties unreadable");
  }
  return { text, metadata, warnings };
}

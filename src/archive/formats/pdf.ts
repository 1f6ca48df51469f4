// Reads the text layer and the info dictionary of a PDF with pdfjs-dist (legacy build, the
// one meant for Node). Pages are joined by blank lines and line ends follow pdfjs's hasEOL.
// A PDF without any text (a scan) is not an error: it comes back empty, flagged needsOcr.
// Damaged, truncated and password-protected files are refused with a coded error.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { DossierError } from "../../errors/index.ts";
import { toEdtfDate } from "./edtf.ts";
import { normaliseLanguageTag } from "./language.ts";
import type { DocumentMetadata } from "./types.ts";

export interface PdfExtraction {
  text: string;
  needsOcr: boolean;
  metadata: DocumentMetadata;
  warnings: string[];
  /** pages: page count; pageOffsets[i]: where page i+1 starts in text; info: the info dictionary. */
  pdf: { pages: number; pageOffsets: number[]; info: Record<string, string | number | boolean> };
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsModule: Promise<PdfJs> | null = null;

function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
}

/**
 * Loaded on first use: pdfjs is large and most documents are not PDFs. We load the
 * minified legacy (Node) build and point its in-process "fake worker" at the minified
 * worker too: the same code, but under the tsx loader the unminified pair takes seconds
 * to load where these take a fraction of one.
 */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const build = join(pdfjsRoot(), "legacy", "build");
    const lib = (await import(pathToFileURL(join(build, "pdf.min.mjs")).href)) as PdfJs;
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(join(build, "pdf.worker.min.mjs")).href;
    return lib;
  })();
  return pdfjsModule;
}

/** pdfjs needs its CMaps (CJK text) and standard font metrics from its own package folder. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = pdfjsRoot();
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

/** The PDF spec ends every file with %%EOF; a download cut short loses it. */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 1024));
  return tail.includes("%%EOF", 0, "latin1");
}

function errorName(e: unknown): string {
  return e && typeof e === "object" && "name" in e ? String((e as { name: unknown }).name) : "";
}

function damaged(e: unknown, file: string | undefined): DossierError {
  const why = e instanceof Error ? e.message : String(e);
  return new DossierError("BAD_INPUT", `PDF is damaged or truncated: ${why}`, file ? { file } : {}, { cause: e });
}

/** Joins a page's text items, ending lines where pdfjs saw a line end. */
function pageText(items: readonly unknown[]): string {
  let s = "";
  for (const item of items) {
    if (!item || typeof item !== "object" || !("str" in item)) continue;
    const it = item as { str: string; hasEOL?: boolean };
    s += it.str;
    if (it.hasEOL) s += "\n";
  }
  return s
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export async function extractPdf(bytes: Uint8Array, file?: string): Promise<PdfExtraction> {
  if (!hasEofMarker(bytes)) throw damaged(new Error("no %%EOF marker at the end of the file"), file);
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdfjs may transfer (detach) the buffer it is given; hand it a copy, never the caller's.
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    ...pdfjsAssets(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    if (errorName(e) === "PasswordException") {
      throw new DossierError("BAD_INPUT", "PDF is encrypted", file ? { file } : {}, { cause: e });
    }
    throw damaged(e, file);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items));
      page.cleanup();
    }
    let text = "";
    const pageOffsets: number[] = [];
    for (const p of pages) {
      if (p && text) text += "\n\n";
      pageOffsets.push(text.length);
      text += p;
    }
    const warnings: string[] = [];
    const needsOcr = text.trim() === "";
    if (needsOcr) {
      text = "";
      warnings.push("PDF has no text layer; it needs OCR");
    }

    const { info: rawInfo } = await doc.getMetadata().catch(() => ({ info: {} as Record<string, unknown> }));
    const info: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries((rawInfo ?? {}) as Record<string, unknown>)) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") info[k] = v;
    }
    const str = (k: string) => (typeof info[k] === "string" ? (info[k] as string).replace(/\s+/g, " ").trim() : "") || undefined;
    const metadata: DocumentMetadata = {};
    const title = str("Title");
    if (title) metadata.title = title;
    const author = str("Author");
    if (author) metadata.author = author;
    const published = toEdtfDate(str("CreationDate"));
    if (published) metadata.published = published;
    const language = normaliseLanguageTag(str("Language"));
    if (language) metadata.language = language;

    return { text, needsOcr, metadata, warnings, pdf: { pages: doc.numPages, pageOffsets, info } };
  } catch (e) {
    if (e instanceof DossierError) throw e;
    throw damaged(e, file);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

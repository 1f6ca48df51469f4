// Text extraction for archived documents: given a file's bytes and what is known of its
// name and content type, says what format it is, extracts the text citations will index
// into, what the document says about itself, its language, and (for Burmese in Zawgyi)
// a Unicode form. Pure apart from loading its libraries: no file or network I/O.
//
// Text formats (plain, Markdown, CSV, XML, JSON, JSON Lines) come back EXACTLY as decoded,
// only a leading byte order mark removed: offsets into the corpus files must stay valid.
import { DossierError } from "../../errors/index.ts";
import { checkZawgyi } from "./burmese.ts";
import { decodeText, normaliseCharset, type DecodedText } from "./decode.ts";
import { extractDocx } from "./docx.ts";
import { extractHtml } from "./html.ts";
import { detectLanguage } from "./language.ts";
import { markdownMetadata } from "./markdown.ts";
import { extractPdf } from "./pdf.ts";
import { detectFormat, mediaTypeOf, prescanCharset, sniffTextFormat, type DocumentFormat } from "./sniff.ts";
import type { DocumentMetadata, ExtractedDocument, ExtractHint, ExtractLimits } from "./types.ts";

export type { DocumentFormat, DocumentMetadata, ExtractedDocument, ExtractHint, ExtractLimits };
export { detectFormat, sniffTextFormat, mediaTypeOf } from "./sniff.ts";
export { decodeText } from "./decode.ts";
export { detectLanguage } from "./language.ts";
export { checkZawgyi, ZAWGYI_THRESHOLD } from "./burmese.ts";
export { toEdtfDate } from "./edtf.ts";

/** 25 MiB: far above any real article, low enough that a runaway file is refused. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

const MIB = 1024 * 1024;
function formatSize(n: number): string {
  if (n >= MIB) return Number.isInteger(n / MIB) ? `${n / MIB} MiB` : `${(n / MIB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

interface FormatResult {
  format: DocumentFormat;
  encoding: string | null;
  text: string;
  metadata: DocumentMetadata;
  needsOcr: boolean;
  warnings: string[];
  extra: Record<string, unknown>;
}

/** JSON and JSON Lines are archived as text either way; malformed ones earn a warning. */
function jsonWarnings(format: "json" | "jsonl", text: string): string[] {
  if (format === "json") {
    try {
      JSON.parse(text);
      return [];
    } catch (e) {
      return [`not valid JSON (${e instanceof Error ? e.message : String(e)})`];
    }
  }
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      JSON.parse(line);
    } catch {
      bad.push(i + 1);
    }
  });
  return bad.length ? [`${bad.length} line(s) are not valid JSON (first: line ${bad[0]})`] : [];
}

function decodeTextual(bytes: Uint8Array, format: DocumentFormat | null, declared: string | null, file?: string): {
  decoded: DecodedText;
  format: DocumentFormat;
} {
  const mayDeclare = format === null || format === "html" || format === "xml";
  const inDocument = mayDeclare && !declared ? prescanCharset(bytes) : null;
  let decoded = decodeText(bytes, { declared: declared ?? (format ? inDocument : null), file });
  const settled = format ?? sniffTextFormat(decoded.text);
  // Unknown text that turns out to be HTML or XML may name its charset inside; honour it.
  if (!format && (settled === "html" || settled === "xml") && inDocument && decoded.basis !== "bom") {
    const named = normaliseCharset(inDocument);
    if (named && named !== decoded.encoding) decoded = decodeText(bytes, { declared: inDocument, file });
  }
  return { decoded, format: settled };
}

async function extractByFormat(bytes: Uint8Array, hint: ExtractHint): Promise<FormatResult> {
  const file = hint.filename;
  const ctx = file ? { file } : {};
  const decision = detectFormat(bytes, hint);
  if (decision.format === "pdf") {
    const r = await extractPdf(bytes, file);
    return { format: "pdf", encoding: null, text: r.text, metadata: r.metadata, needsOcr: r.needsOcr, warnings: r.warnings, extra: { pdf: r.pdf } };
  }
  if (decision.format === "docx") {
    const r = await extractDocx(bytes, file);
    if (!r.text) r.warnings.push("the document has no text");
    return { format: "docx", encoding: null, text: r.text, metadata: r.metadata, needsOcr: false, warnings: r.warnings, extra: {} };
  }

  const { decoded, format } = decodeTextual(bytes, decision.format, decision.charset, file);
  if (decoded.text.trim() === "") throw new DossierError("BAD_INPUT", "file is empty", ctx);
  const base = {
    format,
    encoding: decoded.encoding,
    needsOcr: false,
    extra: { decoding: { basis: decoded.basis, ...(decoded.confidence !== undefined ? { confidence: decoded.confidence } : {}) } },
  };
  switch (format) {
    case "html": {
      let r: ReturnType<typeof extractHtml>;
      try {
        r = extractHtml(decoded.text);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new DossierError("BAD_INPUT", `HTML could not be parsed: ${why}`, ctx, { cause: e });
      }
      return { ...base, text: r.text, metadata: r.metadata, warnings: r.warnings, extra: { ...base.extra, html: { method: r.method } } };
    }
    case "markdown":
      return { ...base, text: decoded.text, metadata: markdownMetadata(decoded.text), warnings: [] };
    case "json":
    case "jsonl":
      return { ...base, text: decoded.text, metadata: {}, warnings: jsonWarnings(format, decoded.text) };
    default:
      return { ...base, text: decoded.text, metadata: {}, warnings: [] };
  }
}

/**
 * Extracts a document's text and self-description. Throws DossierError with the file name
 * in its context: TOO_LARGE over `limits.maxBytes` (default 25 MiB); BAD_INPUT for an empty
 * file, binary data posing as text, a non-PDF named .pdf, a damaged, truncated or encrypted
 * PDF, a damaged DOCX, or an unsupported binary format.
 */
export async function extractDocument(bytes: Uint8Array, hint: ExtractHint = {}, limits: ExtractLimits = {}): Promise<ExtractedDocument> {
  const ctx = hint.filename ? { file: hint.filename } : {};
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new DossierError("TOO_LARGE", `file is ${formatSize(bytes.byteLength)} (${bytes.byteLength} bytes), over the size limit of ${formatSize(maxBytes)}`, {
      ...ctx,
      size: bytes.byteLength,
      limit: maxBytes,
    });
  }
  if (bytes.byteLength === 0) throw new DossierError("BAD_INPUT", "file is empty", ctx);

  const r = await extractByFormat(bytes, hint);
  const extra = { ...r.extra };
  let unicodeText: string | null = null;
  const zawgyi = checkZawgyi(r.text);
  if (zawgyi) {
    unicodeText = zawgyi.unicodeText;
    extra.zawgyi = { probability: zawgyi.probability, converted: unicodeText !== null };
  }
  return {
    format: r.format,
    mediaType: mediaTypeOf(r.format, r.encoding),
    encoding: r.encoding,
    text: r.text,
    unicodeText,
    // Detection costs about a millisecond a document; a language already stated wins anyway.
    language: hint.language ?? r.metadata.language ?? detectLanguage(unicodeText ?? r.text),
    metadata: r.metadata,
    needsOcr: r.needsOcr,
    warnings: r.warnings,
    extra,
  };
}

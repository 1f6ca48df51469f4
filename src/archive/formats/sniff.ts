// Decides what kind of document a run of bytes is. Evidence is weighed in a fixed order:
// the bytes' own signature (magic numbers, BOM) first, because names and headers lie; then
// the declared content type; then the file extension; then a look at the decoded text.
// A name or type that promises a PDF or DOCX the bytes do not hold is an error, not a guess.
import { DossierError } from "../../errors/index.ts";
import { readBom } from "./decode.ts";

export type DocumentFormat = "text" | "markdown" | "html" | "pdf" | "docx" | "csv" | "xml" | "json" | "jsonl";

export interface FormatHint {
  filename?: string;
  contentType?: string;
}

export interface FormatDecision {
  /** null: some text format, to be settled by sniffing the decoded text. */
  format: DocumentFormat | null;
  basis: "magic" | "content-type" | "extension" | "none";
  /** The charset parameter of the content type, if any. */
  charset: string | null;
}

const CONTENT_TYPES: Record<string, DocumentFormat> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/csv": "csv",
  "application/csv": "csv",
  "text/xml": "xml",
  "application/xml": "xml",
  "application/json": "json",
  "text/json": "json",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/jsonlines": "jsonl",
};

const EXTENSIONS: Record<string, DocumentFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
  docx: "docx",
  csv: "csv",
  xml: "xml",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

/** Signatures of common binary files we do not extract, so the error can say what it is. */
const FOREIGN_SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image" },
  { bytes: [0x1f, 0x8b], name: "a gzip archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: "a 7-Zip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: "a RAR archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: "an executable (ELF)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: "a legacy Microsoft Office file (.doc/.xls)" },
];

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  xml: "application/xml",
  json: "application/json",
  jsonl: "application/jsonl",
};

export function mediaTypeOf(format: DocumentFormat, encoding: string | null): string {
  const base = MEDIA_TYPES[format];
  return encoding ? `${base}; charset=${encoding}` : base;
}

export function parseContentType(ct: string | undefined): { type: string | null; charset: string | null } {
  if (!ct) return { type: null, charset: null };
  const [type, ...params] = ct.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1];
  }
  return { type: type.trim().toLowerCase() || null, charset };
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const n = Buffer.from(needle, "latin1");
  const hay = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, to));
  return hay.indexOf(n, from);
}

/** PDF readers accept the header anywhere in the first 1024 bytes (junk before it is common). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, "%PDF-", 0, 1024) >= 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** Zip entry names are stored uncompressed in the headers, so a byte search finds the part. */
export function isDocxPackage(bytes: Uint8Array): boolean {
  return isZip(bytes) && indexOfAscii(bytes, "word/document.xml") >= 0;
}

export function extensionOf(filename: string | undefined): string | null {
  if (!filename) return null;
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
}

/** Decides the format from signature, content type and extension; null format means "text, sniff it". */
export function detectFormat(bytes: Uint8Array, hint: FormatHint): FormatDecision {
  const ctx = hint.filename ? { file: hint.filename } : {};
  const { type, charset } = parseContentType(hint.contentType);
  const byType = type ? CONTENT_TYPES[type] : undefined;
  const ext = extensionOf(hint.filename);
  const byExt = ext ? EXTENSIONS[ext] : undefined;

  const claimed = byType ?? byExt;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || ((claimed === "pdf" || !claimed) && hasPdfHeader(bytes))) {
    return { format: "pdf", basis: "magic", charset: null };
  }
  if (isZip(bytes)) {
    if (isDocxPackage(bytes)) return { format: "docx", basis: "magic", charset: null };
    throw new DossierError("BAD_INPUT", "unsupported format: a ZIP archive that is not a DOCX document", ctx);
  }
  if (claimed === "pdf") throw new DossierError("BAD_INPUT", "not a PDF (no %PDF header)", ctx);
  if (claimed === "docx") throw new DossierError("BAD_INPUT", "not a DOCX (not a ZIP package)", ctx);
  if (!readBom(bytes)) {
    for (const sig of FOREIGN_SIGNATURES) {
      if (startsWith(bytes, sig.bytes)) throw new DossierError("BAD_INPUT", `unsupported format: ${sig.name}`, ctx);
    }
  }
  if (byType) return { format: byType, basis: "content-type", charset };
  if (byExt) return { format: byExt, basis: "extension", charset };
  return { format: null, basis: "none", charset };
}

/** For text of unknown kind: markup that opens like an HTML page is HTML; an XML prolog is XML. */
export function sniffTextFormat(text: string): DocumentFormat {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<!doctype\s+html/.test(head) || /^<(html|head|body)[\s>]/.test(head)) return "html";
  if (head.startsWith("<?xml")) return /<html[\s>]/.test(head) ? "html" : "xml";
  if (head.startsWith("<!--") && /<html[\s>]/.test(head)) return "html";
  return "text";
}

/**
 * Reads a charset declared inside the document (HTML <meta charset>, http-equiv, or an XML
 * prolog) from its first bytes, read as ASCII, as the HTML prescan does.
 */
export function prescanCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1] : null;
}

// The shapes the format extractors return: one ExtractedDocument per file, whatever its
// format, so the archive stores and indexes every document the same way.
import type { DocumentFormat } from "./sniff.ts";

export type { DocumentFormat };

/** What a document says about itself. `published` is EDTF (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface DocumentMetadata {
  title?: string;
  author?: string;
  publisher?: string;
  published?: string;
  url?: string;
  /** Primary language subtag as the document declares it (`en`, `fr`). */
  language?: string;
}

export interface ExtractLimits {
  /** Largest input accepted, in bytes. Default 25 MiB. */
  maxBytes?: number;
}

export interface ExtractHint {
  filename?: string;
  /** A Content-Type header value, e.g. `text/html; charset=windows-1251`. */
  contentType?: string;
  /** The language as the user gave it (flags, sidecar): it wins, so detection is skipped. */
  language?: string;
}

export interface ExtractedDocument {
  format: DocumentFormat;
  /** e.g. `text/plain; charset=utf-8`, `application/pdf`. */
  mediaType: string;
  /** Encoding the text was decoded from (text formats); null for PDF and DOCX. */
  encoding: string | null;
  /** The extracted text: what citations index into (UTF-16 code-unit offsets). */
  text: string;
  /** Unicode conversion of Zawgyi-encoded Burmese text; null otherwise. */
  unicodeText: string | null;
  /**
   * The document's language: the hint's, else the one the document declares, else the one
   * detected from its text (ISO 639-1 where one exists, else ISO 639-3); null if undetermined.
   */
  language: string | null;
  metadata: DocumentMetadata;
  /** A PDF with no text layer: archived and flagged, not rejected. */
  needsOcr: boolean;
  warnings: string[];
  /** Format-specific facts: { pdf: { pages, info } }, { zawgyi: { probability } }, … */
  extra: Record<string, unknown>;
}

/**
 * The ledger's nouns as plain data: sources, custody entries, datasets, entities, claims,
 * citations and audit entries. Pure types; the ontology (ontology/*.yaml) decides which
 * entity types and predicates exist, so those are strings here, not unions.
 */

/** `sha256:` + lowercase hex of a document's raw bytes. */
export type SourceId = string;

/** Admiralty source reliability: A (completely reliable) … F (cannot be judged). */
export type ReliabilityGrade = "A" | "B" | "C" | "D" | "E" | "F";
export const RELIABILITY_GRADES: readonly ReliabilityGrade[] = ["A", "B", "C", "D", "E", "F"];

export interface SourceMetadata {
  title?: string | null;
  publisher?: string | null;
  author?: string | null;
  url?: string | null;
  /** EDTF. */
  published?: string | null;
  /** ISO 639-1 where known (`en`, `my`, `ru`), else ISO 639-3 from detection. */
  language?: string | null;
  grade?: ReliabilityGrade | null;
  /** What kind of document it is (report, article, propaganda, sanctions list…). */
  kind?: string | null;
}

/** What was recorded when a source came from a URL rather than a file. */
export interface FetchRecord {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  fetchedAt: string;
  headersSha256: string;
  contentType: string | null;
}

export interface Source extends SourceMetadata {
  id: SourceId;
  /** Hex digest of the raw bytes (the id without its prefix). */
  sha256: string;
  size: number;
  /** Detected format: text, markdown, html, pdf, docx, csv, xml, jsonl… */
  format: string;
  mediaType: string;
  /** Character encoding the bytes were decoded from, for text formats. */
  encoding: string | null;
  /** SHA-256 of the stored extracted text (UTF-8). */
  textSha256: string;
  textLength: number;
  /** True for a PDF with no text layer: archived, but its text is empty. */
  needsOcr: boolean;
  /** Original file name when ingested from a file. */
  filename: string | null;
  fetch: FetchRecord | null;
  ingestedAt: string;
  /** Further format-specific facts (PDF info, Zawgyi detection, warnings). */
  extra: Record<string, unknown>;
}

/**
 * A source's text in one form. `text` is what citations index into; a Burmese document
 * in Zawgyi also gets a `unicode` form beside it.
 */
export interface SourceText {
  sourceId: SourceId;
  kind: "text" | "unicode";
  sha256: string;
  text: string;
}

export type CustodyAction =
  | "ingested"
  | "seen-again"
  | "text-extracted"
  | "metadata-changed"
  | "re-extracted"
  | "redacted"
  | "exported"
  | "imported";

export interface CustodyEntry {
  seq: number;
  at: string;
  actor: string;
  action: CustodyAction;
  sourceId: SourceId | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type NewCustodyEntry = Omit<CustodyEntry, "seq" | "prevHash" | "hash" | "at"> & { at?: string };

export type Visibility = "public" | "private";

export interface Dataset {
  name: string;
  title: string;
  visibility: Visibility;
  /** builtin (shipped in data/), list (imported sanctions list), user (a team's work). */
  kind: "builtin" | "list" | "user";
  /** Content hash or version string of what was loaded, so reloading the same is a no-op. */
  version: string | null;
  /** The archived file the dataset was imported from, if any. */
  sourceId: SourceId | null;
  loadedAt: string;
  extra: Record<string, unknown>;
}

export interface Entity {
  /** Stable id: `person:min-aung-hlaing`, `state:russia`, `body:admm-plus`. */
  id: string;
  type: string;
  name: string;
  aliases: string[];
  attributes: Record<string, unknown>;
  dataset: string;
  /** Set when this entity was merged into another; its id keeps resolving to that one. */
  mergedInto: string | null;
}

export type ClaimStatus = "proposed" | "accepted" | "rejected" | "disputed";
export const CLAIM_STATUSES: readonly ClaimStatus[] = ["proposed", "accepted", "rejected", "disputed"];

/**
 * A pointer into archived text. The quote itself is never stored: it is read from the
 * archive and checked against quoteSha256 when shown.
 */
export interface Citation {
  source: SourceId;
  /** UTF-16 code-unit offsets into the source's extracted text. */
  start: number;
  end: number;
  /** SHA-256 (hex) of the UTF-8 bytes of text.slice(start, end). */
  quoteSha256: string;
}

export interface ClaimOrigin {
  kind: "user" | "extractor" | "dataset" | "import";
  /** Extractor name, user name, dataset name or importer name. */
  name: string;
  version?: string;
}

export type QualifierValue = string | number | boolean | null | { id: string; name?: string } | QualifierValue[];

export interface Claim {
  id: string;
  dataset: string;
  predicate: string;
  /** Entity ids. */
  subject: string;
  object: string;
  qualifiers: Record<string, QualifierValue>;
  status: ClaimStatus;
  /** Admiralty information credibility 1 (confirmed) … 6 (cannot be judged). */
  credibility: number | null;
  /** Extractor's confidence in [0,1]; null for human-entered claims. */
  confidence: number | null;
  origin: ClaimOrigin;
  citations: Citation[];
  /** An editor's assertion: allowed to have no citation. */
  assertion: boolean;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AuditAction = "created" | "accepted" | "rejected" | "disputed" | "edited" | "merged" | "deleted" | "cited" | "loaded" | "imported";

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  targetKind: "claim" | "entity" | "dataset" | "source";
  targetId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, "seq" | "at"> & { at?: string };

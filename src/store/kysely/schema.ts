/**
 * Table shapes as Kysely sees them. JSON-valued columns are stored as text so the same
 * migrations serve SQLite and PostgreSQL; rows.ts converts between rows and model types.
 */

export interface SourceRow {
  id: string;
  sha256: string;
  size: number;
  format: string;
  media_type: string;
  encoding: string | null;
  text_sha256: string;
  text_length: number;
  needs_ocr: number;
  filename: string | null;
  fetch: string | null;
  ingested_at: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  grade: string | null;
  kind: string | null;
  extra: string;
}

export interface SourceTextRow {
  source_id: string;
  kind: string;
  sha256: string;
  text: string;
}

export interface CustodyRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  source_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface DatasetRow {
  name: string;
  title: string;
  visibility: string;
  kind: string;
  version: string | null;
  source_id: string | null;
  loaded_at: string;
  extra: string;
}

export interface EntityRow {
  id: string;
  dataset: string;
  type: string;
  name: string;
  aliases: string;
  attributes: string;
  merged_into: string | null;
}

/** One row per name or alias of an entity, folded for lookup. */
export interface EntityNameRow {
  entity_id: string;
  folded: string;
}

export interface ClaimRow {
  id: string;
  dataset: string;
  predicate: string;
  subject_id: string;
  object_id: string;
  qualifiers: string;
  status: string;
  credibility: number | null;
  confidence: number | null;
  origin: string;
  assertion: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CitationRow {
  claim_id: string;
  position: number;
  source_id: string;
  start: number;
  end: number;
  quote_sha256: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export interface Database {
  sources: SourceRow;
  source_texts: SourceTextRow;
  custody: CustodyRow;
  datasets: DatasetRow;
  entities: EntityRow;
  entity_names: EntityNameRow;
  claims: ClaimRow;
  citations: CitationRow;
  audit: AuditRow;
}

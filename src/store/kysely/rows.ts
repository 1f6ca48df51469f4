/** Converts between stored rows and the model's types (JSON text columns, 0/1 booleans). */
import { foldName } from "../../model/fold.ts";
import type { AuditEntry, Claim, Citation, CustodyEntry, Dataset, Entity, Source } from "../../model/types.ts";
import type { AuditRow, ClaimRow, CitationRow, CustodyRow, DatasetRow, EntityRow, SourceRow } from "./schema.ts";

/** Every column of a row type, in a fixed order: the bulk writer binds values positionally. */
type AllColumns<Row, Cols extends readonly (keyof Row)[]> = Exclude<keyof Row, Cols[number]> extends never ? Cols : never;
const columns = <Row>() => <const Cols extends readonly (keyof Row)[]>(cols: AllColumns<Row, Cols>) => cols;

export const ENTITY_COLUMNS = columns<EntityRow>()(["id", "dataset", "type", "name", "aliases", "attributes", "merged_into"]);
export const CLAIM_COLUMNS = columns<ClaimRow>()([
  "id", "dataset", "predicate", "subject_id", "object_id", "qualifiers", "status",
  "credibility", "confidence", "origin", "assertion", "note", "created_at", "updated_at",
]);
export const NAME_COLUMNS = ["entity_id", "folded"] as const;
export const CITATION_COLUMNS = columns<CitationRow>()(["claim_id", "position", "source_id", "start", "end", "quote_sha256"]);

/** A row's values in its columns' order. */
export function valuesOf<Row>(row: Row, cols: readonly (keyof Row)[]): unknown[] {
  const out = new Array<unknown>(cols.length);
  for (let i = 0; i < cols.length; i++) out[i] = row[cols[i]];
  return out;
}

const parse = <T>(s: string | null, fallback: T): T => (s === null || s === undefined ? fallback : (JSON.parse(s) as T));
const json = (v: unknown): string => JSON.stringify(v ?? null);

export function sourceToRow(s: Source): SourceRow {
  return {
    id: s.id,
    sha256: s.sha256,
    size: s.size,
    format: s.format,
    media_type: s.mediaType,
    encoding: s.encoding,
    text_sha256: s.textSha256,
    text_length: s.textLength,
    needs_ocr: s.needsOcr ? 1 : 0,
    filename: s.filename,
    fetch: s.fetch ? json(s.fetch) : null,
    ingested_at: s.ingestedAt,
    title: s.title ?? null,
    publisher: s.publisher ?? null,
    author: s.author ?? null,
    url: s.url ?? null,
    published: s.published ?? null,
    language: s.language ?? null,
    grade: s.grade ?? null,
    kind: s.kind ?? null,
    extra: json(s.extra ?? {}),
  };
}

export function rowToSource(r: SourceRow): Source {
  return {
    id: r.id,
    sha256: r.sha256,
    size: Number(r.size),
    format: r.format,
    mediaType: r.media_type,
    encoding: r.encoding,
    textSha256: r.text_sha256,
    textLength: Number(r.text_length),
    needsOcr: Boolean(Number(r.needs_ocr)),
    filename: r.filename,
    fetch: parse(r.fetch, null),
    ingestedAt: r.ingested_at,
    title: r.title,
    publisher: r.publisher,
    author: r.author,
    url: r.url,
    published: r.published,
    language: r.language,
    grade: r.grade as Source["grade"],
    kind: r.kind,
    extra: parse(r.extra, {}),
  };
}

export function rowToCustody(r: CustodyRow): CustodyEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action as CustodyEntry["action"],
    sourceId: r.source_id,
    details: parse(r.details, {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function custodyToRow(e: CustodyEntry): CustodyRow {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    source_id: e.sourceId,
    details: json(e.details),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function datasetToRow(d: Dataset): DatasetRow {
  return {
    name: d.name,
    title: d.title,
    visibility: d.visibility,
    kind: d.kind,
    version: d.version,
    source_id: d.sourceId,
    loaded_at: d.loadedAt,
    extra: json(d.extra ?? {}),
  };
}

export function rowToDataset(r: DatasetRow): Dataset {
  return {
    name: r.name,
    title: r.title,
    visibility: r.visibility as Dataset["visibility"],
    kind: r.kind as Dataset["kind"],
    version: r.version,
    sourceId: r.source_id,
    loadedAt: r.loaded_at,
    extra: parse(r.extra, {}),
  };
}

export function entityToRow(e: Entity): EntityRow {
  return {
    id: e.id,
    dataset: e.dataset,
    type: e.type,
    name: e.name,
    aliases: json(e.aliases ?? []),
    attributes: json(e.attributes ?? {}),
    merged_into: e.mergedInto ?? null,
  };
}

export function rowToEntity(r: EntityRow): Entity {
  return {
    id: r.id,
    dataset: r.dataset,
    type: r.type,
    name: r.name,
    aliases: parse(r.aliases, []),
    attributes: parse(r.attributes, {}),
    mergedInto: r.merged_into,
  };
}

export function claimToRow(c: Claim): ClaimRow {
  return {
    id: c.id,
    dataset: c.dataset,
    predicate: c.predicate,
    subject_id: c.subject,
    object_id: c.object,
    qualifiers: json(c.qualifiers ?? {}),
    status: c.status,
    credibility: c.credibility,
    confidence: c.confidence,
    origin: json(c.origin),
    assertion: c.assertion ? 1 : 0,
    note: c.note,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** An entity's rows in the name index: each distinct folded form of its name and aliases, in NAME_COLUMNS order. */
export function nameRows(e: Entity): unknown[][] {
  const out: unknown[][] = [];
  const seen = new Set<string>();
  for (const n of [e.name, ...e.aliases]) {
    const folded = foldName(n);
    if (folded && !seen.has(folded)) {
      seen.add(folded);
      out.push([e.id, folded]);
    }
  }
  return out;
}

export function citationRows(c: Claim): CitationRow[] {
  return c.citations.map((ct, i) => ({
    claim_id: c.id,
    position: i,
    source_id: ct.source,
    start: ct.start,
    end: ct.end,
    quote_sha256: ct.quoteSha256,
  }));
}

export function rowToClaim(r: ClaimRow, citations: CitationRow[]): Claim {
  return {
    id: r.id,
    dataset: r.dataset,
    predicate: r.predicate,
    subject: r.subject_id,
    object: r.object_id,
    qualifiers: parse(r.qualifiers, {}),
    status: r.status as Claim["status"],
    credibility: r.credibility === null ? null : Number(r.credibility),
    confidence: r.confidence === null ? null : Number(r.confidence),
    origin: parse(r.origin, { kind: "user", name: "unknown" }),
    citations: citations
      .sort((a, b) => a.position - b.position)
      .map((ct): Citation => ({ source: ct.source_id, start: Number(ct.start), end: Number(ct.end), quoteSha256: ct.quote_sha256 })),
    assertion: Boolean(Number(r.assertion)),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function rowToAudit(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action as AuditEntry["action"],
    targetKind: r.target_kind as AuditEntry["targetKind"],
    targetId: r.target_id,
    before: parse(r.before, null),
    after: parse(r.after, null),
    reason: r.reason,
  };
}

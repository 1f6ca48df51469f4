/**
 * The Store: the only door to persisted data. Async throughout so a PostgreSQL backend can
 * sit behind it unchanged; every backend lives in its own folder beside sqlite/ and passes
 * the shared conformance suite in test/store/.
 */
import type {
  AuditEntry,
  Citation,
  Claim,
  ClaimStatus,
  CustodyEntry,
  Dataset,
  Entity,
  NewAuditEntry,
  NewCustodyEntry,
  Source,
  SourceId,
  SourceText,
} from "../model/types.ts";

export interface SourceQuery {
  limit?: number;
  offset?: number;
  format?: string;
}

export interface TextHit {
  sourceId: SourceId;
  /** UTF-16 offsets of the first match in the source text. */
  start: number;
  end: number;
  snippet: string;
  rank: number;
}

export interface EntityQuery {
  type?: string | string[];
  dataset?: string | string[];
  /** Include entities merged into others (default false). */
  includeMerged?: boolean;
  limit?: number;
  offset?: number;
}

export interface ClaimQuery {
  ids?: string[];
  predicate?: string | string[];
  /** Entity id; matches claims whose subject is this entity. */
  subject?: string;
  object?: string;
  /** Either subject or object. */
  involving?: string;
  status?: ClaimStatus | ClaimStatus[];
  dataset?: string | string[];
  /** Claims citing this source. */
  source?: SourceId;
  limit?: number;
  offset?: number;
}

/** Where a bulk load puts its rows, chunk by chunk. */
export interface BulkSink {
  entities(entities: Entity[]): Promise<void>;
  claims(claims: Claim[]): Promise<void>;
}

/**
 * Sources of this kind are stored like any other but kept out of full-text search: a
 * sanctions list is read through the entities and claims imported from it, and its
 * thousands of rows in searchText would bury the documents people search for.
 */
export const UNINDEXED_SOURCE_KIND = "sanctions list";

/** A citation as seen from the source it points into. */
export interface SourceCitation extends Citation {
  claimId: string;
  /** Its place among the claim's citations (0-based). */
  position: number;
}

/** Methods shared by a store and a transaction on it. */
export interface StoreOps {
  // Sources and their texts
  putSource(source: Source, texts: SourceText[]): Promise<void>;
  getSource(id: SourceId): Promise<Source | null>;
  /** Sources whose id starts with the prefix (`sha256:ab12`, or bare hex). */
  findSourcesByPrefix(prefix: string, limit?: number): Promise<Source[]>;
  listSources(query?: SourceQuery): Promise<Source[]>;
  countSources(): Promise<number>;
  getSourceText(id: SourceId, kind?: SourceText["kind"]): Promise<SourceText | null>;
  listSourceTexts(id: SourceId): Promise<SourceText[]>;
  /** Full-text search over source texts, except those of UNINDEXED_SOURCE_KIND sources. */
  searchText(query: string, options?: { limit?: number }): Promise<TextHit[]>;

  // Custody chain (append-only)
  appendCustody(entry: NewCustodyEntry): Promise<CustodyEntry>;
  listCustody(options?: { sourceId?: SourceId; afterSeq?: number; limit?: number }): Promise<CustodyEntry[]>;

  // Datasets
  putDataset(dataset: Dataset): Promise<void>;
  getDataset(name: string): Promise<Dataset | null>;
  listDatasets(): Promise<Dataset[]>;
  /** Removes a dataset's entities and claims (not the dataset row, not its audit trail). */
  clearDataset(name: string): Promise<{ entities: number; claims: number }>;

  // Entities
  putEntities(entities: Entity[]): Promise<void>;
  /** Follows merges: asking for a merged id returns the entity it was merged into. */
  getEntity(id: string): Promise<Entity | null>;
  getEntities(ids: string[]): Promise<Map<string, Entity>>;
  listEntities(query?: EntityQuery): Promise<Entity[]>;
  countEntities(query?: EntityQuery): Promise<number>;
  /** Entities whose name or an alias equals the text, compared case- and accent-insensitively. */
  findEntitiesByName(name: string, query?: EntityQuery): Promise<Entity[]>;
  /** Entities whose name or an alias contains the text (any script). */
  searchEntities(text: string, query?: EntityQuery): Promise<Entity[]>;
  /** Marks `fromId` merged into `intoId` and repoints its claims; both ids keep resolving. */
  mergeEntity(fromId: string, intoId: string): Promise<void>;

  /**
   * For loading many entities and claims at once (an imported list): `load` hands them to
   * the sink in chunks, and the store ends up holding exactly what putEntities and
   * putClaims would have stored. A backend may trade per-row index upkeep for one rebuild
   * at the end (SQLite does, for the name index, once the load outgrows what was stored).
   * Runs in the caller's transaction, or in one of its own.
   */
  bulkLoad<T>(load: (sink: BulkSink) => Promise<T>): Promise<T>;

  // Claims
  putClaims(claims: Claim[]): Promise<void>;
  getClaim(id: string): Promise<Claim | null>;
  findClaims(query?: ClaimQuery): Promise<Claim[]>;
  countClaims(query?: ClaimQuery): Promise<number>;
  /**
   * The citations pointing into one source, ordered by claim id then position, a page at a
   * time: pass the last row's claimId and position to get the next page.
   */
  listCitations(sourceId: SourceId, options?: { after?: { claimId: string; position: number }; limit?: number }): Promise<SourceCitation[]>;
  /** Number of claims each entity takes part in (as subject or object). */
  claimCountsByEntity(entityIds: string[]): Promise<Map<string, number>>;

  // Audit log (append-only)
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  listAudit(options?: { targetId?: string; limit?: number }): Promise<AuditEntry[]>;
}

export interface Store extends StoreOps {
  /** Runs fn in one transaction: all its writes land together or none do. */
  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which backend this is ("sqlite", "postgres"), for diagnostics. */
  readonly backend: string;
}

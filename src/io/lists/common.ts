/**
 * What every list importer (OFAC, UN, FtM) shares: decoding a file into the text that
 * citations index into, citing a span of it, building `sanctioned` claims, and the shapes
 * a parser hands to the import service: chunks as it reads (so a list is stored while it
 * is read, and its parsed entries never all sit in memory), or the whole list collected.
 */
import { sha256Hex } from "../../model/canonical.ts";
import type { Citation, Claim, ClaimOrigin, Entity, QualifierValue, SourceId } from "../../model/types.ts";
import { DossierError } from "../../errors/index.ts";

/** One file of a list as read from disk, already identified by its hash. */
export interface ListFile {
  /** Path or name, for error messages (`file:line`). */
  file: string;
  sourceId: SourceId;
  /** Decoded text; every citation indexes into it. */
  text: string;
}

export interface ParseOptions {
  dataset: string;
  /** ISO time stamped on claims. */
  now: string;
  /** Called now and then with UTF-16 units read so far of the main file and its length. */
  onProgress?: (done: number, total: number) => void;
}

/** A run of parsed entries, in file order; a parser emits several. */
export interface ListChunk {
  /** Listing authorities first met in this chunk; stored only when the ledger does not already hold them. */
  authorities: Entity[];
  entities: Entity[];
  claims: Claim[];
}

/** What a parser reports once it has read the whole list. */
export interface ListSummary {
  /** Facts worth reporting (rows that did not join, records skipped…). */
  stats: Record<string, number>;
  /** Publication date of the list, EDTF, when the file states it. */
  published?: string | null;
}

/** Receives each chunk; a parser awaits it before building the next. */
export type ChunkSink = (chunk: ListChunk) => Promise<void>;

/** A streaming parser bound to its files: reads them, emitting chunks, and returns its summary. */
export type ListStream = (emit: ChunkSink) => Promise<ListSummary>;

/** Entries per chunk: big enough that a store writes efficiently, small enough to stay in the young heap. */
export const CHUNK_ENTRIES = 500;

/** Accumulates entries and emits them in chunks of CHUNK_ENTRIES. */
export class ChunkBuffer {
  private chunk: ListChunk = { authorities: [], entities: [], claims: [] };
  constructor(private readonly emit: ChunkSink) {}
  authority(e: Entity): void {
    this.chunk.authorities.push(e);
  }
  add(entity: Entity | null, claim?: Claim | null): void {
    if (entity) this.chunk.entities.push(entity);
    if (claim) this.chunk.claims.push(claim);
  }
  get full(): boolean {
    return this.chunk.entities.length + this.chunk.claims.length >= CHUNK_ENTRIES;
  }
  /** Emits what is buffered when the chunk is full (or always, when `force`). */
  async flush(force = false): Promise<void> {
    if (!force && !this.full) return;
    const c = this.chunk;
    if (!c.authorities.length && !c.entities.length && !c.claims.length) return;
    this.chunk = { authorities: [], entities: [], claims: [] };
    await this.emit(c);
  }
}

/** The whole list at once, for callers that want it in memory (tests, the parse-only benchmark). */
export async function collectList(stream: ListStream): Promise<ParsedList> {
  const out: ParsedList = { authorities: [], entities: [], claims: [], stats: {} };
  const summary = await stream(async (c) => {
    for (const a of c.authorities) out.authorities.push(a);
    for (const e of c.entities) out.entities.push(e);
    for (const cl of c.claims) out.claims.push(cl);
  });
  out.stats = summary.stats;
  if (summary.published !== undefined) out.published = summary.published;
  return out;
}

/** A whole parsed list. */
export interface ParsedList {
  /** Listing authorities; stored only when the ledger does not already hold them. */
  authorities: Entity[];
  entities: Entity[];
  claims: Claim[];
  /** Facts worth reporting (rows that did not join, records skipped…). */
  stats: Record<string, number>;
  /** Publication date of the list, EDTF, when the file states it. */
  published?: string | null;
}

/** UTF-8 (BOM dropped), or Windows-1252 when the bytes are not valid UTF-8 (old OFAC files). */
export function decodeListText(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

export function cite(file: ListFile, start: number, end: number): Citation {
  return { source: file.sourceId, start, end, quoteSha256: sha256Hex(file.text.slice(start, end)) };
}

/** 1-based line number of a UTF-16 offset, counted incrementally by callers that stream. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let i = this.text.indexOf("\n", this.offset);
    while (i !== -1 && i < offset) {
      this.line++;
      i = this.text.indexOf("\n", i + 1);
    }
    this.offset = offset;
    return this.line;
  }
}

export function invalid(detail: string, file: string, line: number, field?: string, cause?: unknown): DossierError {
  return new DossierError("INVALID_IMPORT", detail, field ? { file, line, field } : { file, line }, cause ? { cause } : undefined);
}

/** The claim id for a listed entry: stable across re-imports of the same list into the same dataset. */
export function listingClaimId(dataset: string, entityId: string): string {
  return `${dataset}/${entityId}/sanctioned`;
}

export function sanctionedClaim(args: {
  dataset: string;
  authority: string;
  listed: string;
  programs: string[];
  date: string | null;
  origin: ClaimOrigin;
  citation: Citation;
  now: string;
  id?: string;
  extra?: Record<string, QualifierValue>;
}): Claim {
  const qualifiers: Record<string, QualifierValue> = {};
  if (args.programs.length) qualifiers.program = args.programs.join("; ");
  if (args.date) qualifiers.date = args.date;
  Object.assign(qualifiers, args.extra ?? {});
  return {
    id: args.id ?? listingClaimId(args.dataset, args.listed),
    dataset: args.dataset,
    predicate: "sanctioned",
    subject: args.authority,
    object: args.listed,
    qualifiers,
    status: "accepted",
    credibility: 2,
    confidence: null,
    origin: args.origin,
    citations: [args.citation],
    assertion: false,
    note: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
}

/** Adds values to a list, keeping first-seen order and dropping empties and repeats. */
export function pushUnique(list: string[], ...values: (string | null | undefined)[]): void {
  for (const v of values) {
    const t = v?.trim();
    if (t && !list.includes(t)) list.push(t);
  }
}

/** A lowercase ASCII-ish slug for ids built from names. */
export function slug(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "unnamed"
  );
}

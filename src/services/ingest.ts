/**
 * Ingest: archive documents byte-for-byte, extract their text, record custody, and (when
 * an extractor is given) store the claims it proposes. Each document is its own
 * transaction: a failure or a killed process leaves every earlier document complete and
 * nothing of the current one, and running the same command again finishes the job.
 *
 * Two stages: preparing a document (reading it, hashing, extracting its text, staging its
 * bytes) needs no database, so the next few are prepared while the current one is being
 * recorded; recording stays one document per transaction, in the order the user named them.
 * Reading many small files is dominated by waiting on the file system, which this hides.
 */
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { DEFAULT_MAX_BYTES, type ExtractedDocument } from "../archive/formats/index.ts";
import { extractorFor, type DocumentExtractor } from "../archive/extraction-pool.ts";
import { fetchDocument } from "../archive/fetch.ts";
import { checkMetadata, mergeMetadata, readSidecar } from "../archive/metadata.ts";
import { expandTargets, type IngestTarget } from "../archive/targets.ts";
import { asDossierError, DossierError } from "../errors/index.ts";
import { sha256Hex } from "../model/canonical.ts";
import type { Claim, Entity, FetchRecord, Source, SourceMetadata, SourceText } from "../model/types.ts";
import type { StoreOps } from "../store/store.ts";
import type { Dossier } from "./dossier.ts";
import { mapAhead } from "./pipeline.ts";
import type { StagedBlob } from "../archive/blobs.ts";

/** The archive's own size limit is ingest's default (25 MiB), so the two never disagree. */
export { DEFAULT_MAX_BYTES } from "../archive/formats/index.ts";

/** What an extractor hands back for one document; ingest stores it in the same transaction. */
export interface Extraction {
  entities: Entity[];
  claims: Claim[];
  /** The `dossier extract` JSON for this document, printed by `ingest --json`. */
  output: unknown;
}

export type Extractor = (doc: { source: Source; text: string }, tx: StoreOps) => Promise<Extraction>;

export interface IngestOptions {
  /** Metadata from flags; wins over sidecar and document. */
  metadata?: SourceMetadata;
  maxBytes?: number;
  extractor?: Extractor;
  /** Extraction threads besides the main one; default: one per core once a run is large (see extraction-pool.ts). */
  threads?: number;
  /** How many documents are prepared ahead of the one being recorded (default 8). */
  lookahead?: number;
  /** Called after each document, for progress display. */
  onProgress?: (done: number, total: number, result: IngestResult) => void;
}

export interface IngestResult {
  /** The path or URL as the user named it. */
  target: string;
  status: "ingested" | "seen-again" | "failed";
  source?: Source;
  error?: DossierError;
  extraction?: Extraction;
}

function display(t: IngestTarget): string {
  if (t.kind === "url") return t.url;
  if (t.kind === "error") return t.target;
  const rel = relative(process.cwd(), t.path);
  return rel.startsWith("..") && rel.split("/").length > 4 ? t.path : rel || t.path;
}

export async function ingest(d: Dossier, targets: string[], opts: IngestOptions = {}): Promise<IngestResult[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const flags = opts.metadata ? checkMetadata(opts.metadata, "flags") : {};
  const items = await expandTargets(targets);
  await d.archive.cleanStaging(STALE_STAGING_MS);
  const results: IngestResult[] = [];
  // Text extraction (format parsing), not to be confused with opts.extractor, which proposes claims.
  const textExtractor = extractorFor(items.length, opts.threads);
  // With threads, keep each busy while the main thread records.
  const lookahead = opts.lookahead ?? DEFAULT_LOOKAHEAD * Math.max(1, textExtractor.threads);
  const prepared = mapAhead(items, lookahead, (item) => settle(() => prepare(d, textExtractor, item, flags, maxBytes)));
  try {
    for await (const outcome of prepared) {
      const item = items[results.length];
      let result: IngestResult;
      try {
        if (!outcome.ok) throw outcome.error;
        result = await record(d, outcome.value, opts.extractor);
      } catch (e) {
        result = failed(display(item), e);
      } finally {
        if (outcome.ok) await outcome.value.staged?.discard();
      }
      results.push(result);
      opts.onProgress?.(results.length, items.length, result);
    }
  } finally {
    await textExtractor.close();
  }
  return results;
}

/** Staged copies this old are a killed run's leftovers, not another live ingest's. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** Enough to keep the file system busy while one document is recorded; bounds memory to a few files. */
const DEFAULT_LOOKAHEAD = 8;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

function failed(target: string, e: unknown): IngestResult {
  const err = asDossierError(e);
  // Name the document in the message when the failing layer did not.
  const named = err.context.file || err.context.url ? err : new DossierError(err.code, err.detail, { ...err.context, file: target }, { cause: err });
  return { target, status: "failed", error: named };
}

/** A document read, hashed and (unless already archived) extracted and staged: everything but the database. */
interface Prepared {
  target: string;
  bytes: Uint8Array;
  sha: string;
  id: string;
  from: Record<string, unknown>;
  fetchRecord: FetchRecord | null;
  /** Absent when the bytes were already archived before this run began. */
  fresh?: { source: Source; texts: SourceText[]; text: string };
  staged?: StagedBlob;
}

async function prepare(d: Dossier, textExtractor: DocumentExtractor, item: IngestTarget, flags: SourceMetadata, maxBytes: number): Promise<Prepared> {
  if (item.kind === "error") throw item.error;
  const target = display(item);
  let bytes: Uint8Array;
  let fetchRecord: FetchRecord | null = null;
  let filename: string;
  let contentType: string | undefined;
  let sidecar: SourceMetadata = {};
  if (item.kind === "url") {
    const fetched = await fetchDocument(item.url, { maxBytes });
    bytes = fetched.bytes;
    fetchRecord = fetched.record;
    filename = fetched.filename;
    contentType = fetched.record.contentType ?? undefined;
  } else {
    if (item.size > maxBytes) {
      throw new DossierError("TOO_LARGE", `file is ${item.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-size)`, { file: target });
    }
    bytes = await readFile(item.path);
    filename = item.path.split("/").pop() ?? item.path;
    sidecar = await readSidecar(item.path, item.siblings);
  }

  const sha = sha256Hex(bytes);
  const id = `sha256:${sha}`;
  const from = item.kind === "url" ? { url: item.url, finalUrl: fetchRecord?.finalUrl } : { path: target };
  const base = { target, bytes, sha, id, from, fetchRecord };
  // Known bytes need no extraction; record() checks again inside its transaction.
  if (await d.store.getSource(id)) return base;

  const language = flags.language ?? sidecar.language;
  const doc: ExtractedDocument = await textExtractor.extract(bytes, { filename, contentType, ...(language ? { language } : {}) }, { maxBytes });
  const meta = mergeMetadata(flags, sidecar, doc.metadata as SourceMetadata);
  const text = doc.text;
  const textSha = sha256Hex(text);
  const source: Source = {
    id,
    sha256: sha,
    size: bytes.byteLength,
    format: doc.format,
    mediaType: doc.mediaType,
    encoding: doc.encoding,
    textSha256: textSha,
    textLength: text.length,
    needsOcr: doc.needsOcr,
    filename,
    fetch: fetchRecord,
    ingestedAt: new Date().toISOString(),
    title: meta.title ?? null,
    publisher: meta.publisher ?? null,
    author: meta.author ?? null,
    url: meta.url ?? fetchRecord?.finalUrl ?? null,
    published: meta.published ?? null,
    language: meta.language ?? doc.language ?? null,
    grade: meta.grade ?? null,
    kind: meta.kind ?? null,
    extra: { ...doc.extra, ...(doc.warnings.length ? { warnings: doc.warnings } : {}) },
  };
  const texts: SourceText[] = [{ sourceId: id, kind: "text", sha256: textSha, text }];
  if (doc.unicodeText !== null) texts.push({ sourceId: id, kind: "unicode", sha256: sha256Hex(doc.unicodeText), text: doc.unicodeText });
  const staged = await d.archive.stage(bytes, sha);
  return { ...base, fresh: { source, texts, text }, staged };
}

/** Writes one prepared document: its source, texts, custody and proposed claims, in one transaction. */
async function record(d: Dossier, p: Prepared, extractor: Extractor | undefined): Promise<IngestResult> {
  const { target, id, sha, from, fetchRecord } = p;
  return d.store.transaction(async (tx): Promise<IngestResult> => {
    const existing = await tx.getSource(id);
    if (existing || !p.fresh || !p.staged) {
      if (!existing) throw new DossierError("INTERNAL", "a source seen at preparation is gone", { id });
      // Same bytes again (earlier run, or earlier in this one): no second source; custody records the sighting.
      await tx.appendCustody({ actor: d.actor, action: "seen-again", sourceId: id, details: { from, ...(fetchRecord ? { fetch: fetchRecord } : {}) } });
      if (!(await d.archive.has(sha))) {
        // The archived copy went missing: restore it from these identical bytes.
        const restored = p.staged ?? (await d.archive.stage(p.bytes, sha));
        await restored.commit();
      }
      return { target, status: "seen-again", source: existing };
    }
    const { source, texts, text } = p.fresh;
    await tx.putSource(source, texts);
    await tx.appendCustody({
      actor: d.actor,
      action: "ingested",
      sourceId: id,
      details: { from, filename: source.filename, size: source.size, format: source.format, ...(fetchRecord ? { fetch: fetchRecord } : {}) },
    });
    await tx.appendCustody({
      actor: d.actor,
      action: "text-extracted",
      sourceId: id,
      details: { kinds: texts.map((t) => ({ kind: t.kind, sha256: t.sha256, length: t.text.length })), encoding: source.encoding, language: source.language, needsOcr: source.needsOcr },
    });
    const extraction = extractor && text ? await extractor({ source, text }, tx) : undefined;
    // Last step before commit: a failure above leaves nothing in the archive's final place.
    await p.staged.commit();
    return { target, status: "ingested", source, extraction };
  });
}

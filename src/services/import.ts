/**
 * Importing a sanctions list (OFAC SDN CSV, UN consolidated XML, FtM JSON lines) into a
 * dataset: the files are staged in the archive, then ONE transaction replaces the
 * dataset's previous version, stores entities and cited claims chunk by chunk as the
 * parser reads them (so the parsed list never sits in memory whole), archives the files as
 * sources, and records custody and audit. A malformed line anywhere fails the import
 * naming its file and line, and nothing of it is kept: the transaction rolls back and the
 * staged copies are discarded.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { DossierError } from "../errors/index.ts";
import { sha256Hex } from "../model/canonical.ts";
import type { Dataset, Source } from "../model/types.ts";
import type { StagedBlob } from "../archive/blobs.ts";
import { decodeListText, type ListFile, type ListStream } from "../io/lists/common.ts";
import { streamOfac } from "../io/ofac.ts";
import { streamUn } from "../io/un.ts";
import { streamFtm } from "../io/ftm.ts";
import { UNINDEXED_SOURCE_KIND } from "../store/store.ts";
import type { Dossier } from "./dossier.ts";

export type ListKind = "ofac" | "un" | "ftm";

export const DEFAULT_DATASET: Record<ListKind, string | null> = {
  ofac: "us-ofac-sdn",
  un: "un-sc-consolidated",
  ftm: null,
};

const LIST_INFO: Record<ListKind, { title: string; publisher: string | null; format: string; mediaType: string; grade: Source["grade"] }> = {
  ofac: { title: "OFAC Specially Designated Nationals list", publisher: "US Treasury, Office of Foreign Assets Control", format: "csv", mediaType: "text/csv", grade: "A" },
  un: { title: "UN Security Council Consolidated List", publisher: "United Nations Security Council", format: "xml", mediaType: "application/xml", grade: "A" },
  ftm: { title: "FollowTheMoney entities", publisher: null, format: "jsonl", mediaType: "application/x-ndjson", grade: null },
};

export interface ImportRequest {
  kind: ListKind;
  /** The list file (sdn.csv, the UN XML, the FtM JSON lines). */
  file: string;
  /** OFAC only: aliases and addresses files. */
  alt?: string;
  add?: string;
  dataset?: string;
  /** Phase name ("import"), units done, units total (UTF-16 units of the main file read). */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ImportSummary {
  dataset: string;
  /** Id of the archived main file, which citations point into. */
  source: string;
  /** Every archived file of this import (main first). */
  sources: string[];
  entities: number;
  claims: number;
  replaced: { entities: number; claims: number };
  /** Parser facts: records, rows that did not join… */
  stats: Record<string, number>;
  seconds: number;
}

interface LoadedFile extends ListFile {
  role: "list" | "alt" | "add";
  bytes: Uint8Array;
  sha256: string;
  textSha256: string;
  encoding: string;
}

async function load(path: string, role: LoadedFile["role"]): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DossierError(code === "ENOENT" ? "NOT_FOUND" : "BAD_INPUT", `cannot read ${role} file: ${(e as Error).message}`, { file: path }, { cause: e });
  }
  const { text, encoding } = decodeListText(bytes);
  const sha256 = sha256Hex(bytes);
  return { file: path, role, bytes, sha256, sourceId: `sha256:${sha256}`, text, textSha256: sha256Hex(text), encoding };
}

function sourceOf(f: LoadedFile, kind: ListKind, now: string, published: string | null): Source {
  const info = LIST_INFO[kind];
  const part = f.role === "list" ? "" : f.role === "alt" ? " — aliases" : " — addresses";
  return {
    id: f.sourceId,
    sha256: f.sha256,
    size: f.bytes.byteLength,
    format: info.format,
    mediaType: info.mediaType,
    encoding: f.encoding,
    textSha256: f.textSha256,
    textLength: f.text.length,
    needsOcr: false,
    filename: basename(f.file),
    fetch: null,
    ingestedAt: now,
    title: `${info.title}${part} (${basename(f.file)})`,
    publisher: info.publisher,
    author: null,
    url: null,
    published: f.role === "list" ? published : null,
    language: "en",
    grade: info.grade,
    // Kept out of full-text search (the store's rule for this kind).
    kind: UNINDEXED_SOURCE_KIND,
    extra: { importer: kind, role: f.role },
  };
}

export async function importList(d: Dossier, req: ImportRequest): Promise<ImportSummary> {
  const t0 = performance.now();
  const dataset = req.dataset ?? DEFAULT_DATASET[req.kind];
  if (!dataset) throw new DossierError("USAGE", `importing ${req.kind} needs --dataset NAME`);
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(dataset)) throw new DossierError("USAGE", `dataset name must be letters, digits, '.', '_' or '-': ${dataset}`, { field: "dataset" });
  if (req.kind !== "ofac" && (req.alt || req.add)) throw new DossierError("USAGE", "--alt and --add belong to OFAC imports");

  const files = [await load(req.file, "list")];
  if (req.alt) files.push(await load(req.alt, "alt"));
  if (req.add) files.push(await load(req.add, "add"));
  const [main] = files;
  const now = new Date().toISOString();
  const progress = req.onProgress ? (done: number, total: number) => req.onProgress!("import", done, total) : undefined;
  const opts = { dataset, now, onProgress: progress };
  const stream: ListStream =
    req.kind === "ofac"
      ? (emit) => streamOfac({ sdn: main, alt: files.find((f) => f.role === "alt"), add: files.find((f) => f.role === "add") }, opts, emit)
      : req.kind === "un"
        ? (emit) => streamUn(main, opts, emit)
        : (emit) => streamFtm(main, opts, emit);

  const staged: StagedBlob[] = [];
  try {
    for (const f of files) staged.push(await d.archive.stage(f.bytes, f.sha256));
    // One transaction: the list is stored as it is read, so a bad line further on (which
    // names its file and line) rolls back everything this import wrote, and the staged
    // copies are discarded.
    const result = await d.store.transaction(async (tx) => {
      const previous = await tx.getDataset(dataset);
      if (previous && previous.kind !== "list") {
        throw new DossierError("CONFLICT", `dataset ${dataset} is a ${previous.kind} dataset, not an imported list; choose another --dataset`, { field: "dataset" });
      }
      const replaced = await tx.clearDataset(dataset);
      let entities = 0;
      let claims = 0;
      const authorities = new Set<string>();
      const summary = await tx.bulkLoad((sink) =>
        stream(async (chunk) => {
          // An authority the ledger already knows (from its gazetteer or another list) stays as it is.
          const fresh = chunk.authorities.filter((a) => !authorities.has(a.id));
          for (const a of fresh) authorities.add(a.id);
          const known = fresh.length ? await tx.getEntities(fresh.map((a) => a.id)) : new Map();
          const put = [...fresh.filter((a) => !known.has(a.id)), ...chunk.entities];
          await sink.entities(put);
          await sink.claims(chunk.claims);
          entities += put.length;
          claims += chunk.claims.length;
          // Let a progress bar draw.
          if (req.onProgress) await new Promise((r) => setImmediate(r));
        }),
      );
      for (const f of files) {
        const details = { dataset, importer: req.kind, role: f.role, filename: basename(f.file) };
        if (await tx.getSource(f.sourceId)) {
          await tx.appendCustody({ actor: d.actor, action: "seen-again", sourceId: f.sourceId, details });
        } else {
          await tx.putSource(sourceOf(f, req.kind, now, summary.published ?? null), [
            { sourceId: f.sourceId, kind: "text", sha256: f.textSha256, text: f.text },
          ]);
          await tx.appendCustody({ actor: d.actor, action: "ingested", sourceId: f.sourceId, details });
        }
        await tx.appendCustody({ actor: d.actor, action: "imported", sourceId: f.sourceId, details });
      }
      const ds: Dataset = {
        name: dataset,
        title: previous?.title ?? `${LIST_INFO[req.kind].title} (${basename(main.file)})`,
        visibility: previous?.visibility ?? "public",
        kind: "list",
        version: main.sha256,
        sourceId: main.sourceId,
        loadedAt: now,
        extra: { importer: req.kind, sources: files.map((f) => ({ id: f.sourceId, role: f.role, filename: basename(f.file) })), stats: summary.stats },
      };
      await tx.putDataset(ds);
      const after = { version: ds.version, sourceId: ds.sourceId, entities, claims };
      await tx.appendAudit({
        actor: d.actor,
        action: "imported",
        targetKind: "dataset",
        targetId: dataset,
        before: previous ? { version: previous.version, sourceId: previous.sourceId, loadedAt: previous.loadedAt, entities: replaced.entities, claims: replaced.claims } : null,
        after,
        reason: previous ? (previous.version === ds.version ? "re-import of the same file" : "new version of the list") : null,
      });
      for (const s of staged) await s.commit();
      return { replaced, entities, claims, stats: summary.stats };
    });
    return {
      dataset,
      source: main.sourceId,
      sources: files.map((f) => f.sourceId),
      entities: result.entities,
      claims: result.claims,
      replaced: result.replaced,
      stats: result.stats,
      seconds: Math.round(performance.now() - t0) / 1000,
    };
  } finally {
    for (const s of staged) await s.discard();
  }
}

/**
 * `dossier load`: bring a dataset folder (the built-in `myanmar`, or any path) into the
 * store. Everything is checked first (entities and claims against the ontology, every
 * referenced entity present, every citation pointing at a known source with a span that
 * verifies wherever the text is at hand); then one transaction replaces the dataset's
 * entities and claims and audits each claim created, changed or dropped. The same version
 * loaded again changes nothing. Any problem fails the whole load, naming file:line.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { DossierError } from "../../errors/index.ts";
import { canonicalJson, sha256Hex } from "../../model/canonical.ts";
import type { Claim, Dataset, Entity } from "../../model/types.ts";
import { validateClaim, validateEntity, type Where } from "../../model/validate.ts";
import type { Store } from "../../store/store.ts";
import { readDataset } from "../../io/dataset.ts";
import { DATA_DIR, PROJECT_ROOT } from "../../io/project-data.ts";
import { loadOntology } from "../ontology.ts";
import { verifySpan } from "../../model/citation.ts";
import type { DatasetSource } from "./citations.ts";

export const BUILTIN_DATA_DIR = DATA_DIR;

export interface LoadResult {
  dataset: string;
  version: string;
  status: "loaded" | "unchanged";
  path: string;
  entities: number;
  claims: number;
  created: number;
  edited: number;
  removed: number;
}

/**
 * A bare name (`myanmar`) is a built-in dataset under the project's data/ folder; anything
 * else is a path. Found from this file, so it works from any working directory.
 */
export function resolveDatasetDir(nameOrPath: string): { dir: string; builtin: boolean } {
  const isBareName = /^[a-z0-9][a-z0-9_-]*$/i.test(nameOrPath) && !existsSync(nameOrPath);
  const dir = isBareName ? join(BUILTIN_DATA_DIR, nameOrPath) : resolve(nameOrPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DossierError("NOT_FOUND", isBareName ? `no built-in dataset "${nameOrPath}"` : "no dataset folder here", { file: isBareName ? nameOrPath : dir });
  }
  const rel = relative(BUILTIN_DATA_DIR, dir);
  return { dir, builtin: !rel.startsWith("..") && !isAbsolute(rel) && rel !== "" };
}

/** Fields that make up what a claim says; timestamps are bookkeeping, not content. */
function content(c: Claim): string {
  const { createdAt: _c, updatedAt: _u, ...rest } = c;
  return canonicalJson({ ...rest, citations: [...c.citations].sort((a, b) => (a.source + a.start).localeCompare(b.source + b.start)) });
}

function whereOf(lines: Map<string, { file: string; line: number }>, id: string): Where {
  const at = lines.get(id);
  return at ? { file: at.file, line: at.line } : {};
}

function invalid(detail: string, where: Where, extra: Record<string, unknown> = {}): DossierError {
  return new DossierError("INVALID_DATASET", detail, { ...where, ...extra });
}

/**
 * Where a dataset's cited document may sit before it is ingested: beside the dataset, in
 * the project, or in the shared corpus the built-in dataset was curated from.
 */
const CORPUS_DIRS = (datasetDir: string) => [datasetDir, join(datasetDir, "sources"), PROJECT_ROOT, resolve(PROJECT_ROOT, "../shared/corpus")];

/**
 * The text of a plain-text source the dataset lists, when its file can be found and its
 * bytes hash to the source id (a different file of the same name is ignored). Lets `load`
 * verify spans before the documents are ingested.
 */
function sourceFileText(src: DatasetSource, datasetDir: string): { text: string; path: string } | null {
  if (!src.file || !/\.(txt|md|markdown)$/i.test(src.file)) return null;
  for (const candidate of CORPUS_DIRS(datasetDir).map((d) => resolve(d, src.file!))) {
    if (!existsSync(candidate)) continue;
    const bytes = readFileSync(candidate);
    if (`sha256:${sha256Hex(bytes)}` !== src.id) return null;
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), path: candidate };
    } catch {
      return null;
    }
  }
  return null;
}

export async function loadDataset(store: Store, nameOrPath: string, opts: { actor: string }): Promise<LoadResult> {
  const { dir, builtin } = resolveDatasetDir(nameOrPath);
  const bundle = await readDataset(dir);
  const name = bundle.dataset.name;
  const lines = bundle.lines;
  const ontology = await loadOntology();

  // Entities: well-formed, of known types, one per id, all in this dataset.
  const entityTypes = new Map<string, string>();
  for (const e of bundle.entities) {
    const where = whereOf(lines, e.id);
    validateEntity(e, ontology, where);
    if (entityTypes.has(e.id)) throw invalid(`entity ${e.id} is declared twice`, where, { id: e.id });
    entityTypes.set(e.id, e.type);
  }

  // Entities a claim may borrow from datasets already loaded (e.g. a team's work citing the
  // built-in one).
  const outside = new Set<string>();
  const collectRefs = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collectRefs);
    else if (v && typeof v === "object" && typeof (v as { id?: unknown }).id === "string") outside.add((v as { id: string }).id);
  };
  for (const c of bundle.claims) {
    outside.add(c.subject);
    outside.add(c.object);
    Object.values(c.qualifiers).forEach(collectRefs);
  }
  for (const id of outside) {
    if (entityTypes.has(id)) continue;
    const e = await store.getEntity(id);
    if (e && e.dataset !== name) entityTypes.set(id, e.type);
  }

  // Claims: ontology, references, citations.
  const sources = new Map(bundle.sources.map((s) => [s.id, s as DatasetSource]));
  // Per source: undefined = unknown source; null = known but its text is not at hand.
  const texts = new Map<string, string | null | undefined>();
  const textFor = async (sourceId: string): Promise<string | null | undefined> => {
    if (!texts.has(sourceId)) {
      let text: string | null | undefined;
      if (await store.getSource(sourceId)) text = (await store.getSourceText(sourceId, "text"))?.text ?? null;
      else {
        const listed = sources.get(sourceId);
        text = listed ? (sourceFileText(listed, dir)?.text ?? null) : undefined;
      }
      texts.set(sourceId, text);
    }
    return texts.get(sourceId);
  };
  const claimIds = new Set<string>();
  for (const c of bundle.claims) {
    const where = whereOf(lines, c.id);
    if (claimIds.has(c.id)) throw invalid(`claim ${c.id} is declared twice`, where, { id: c.id });
    claimIds.add(c.id);
    if (c.dataset !== name) throw invalid(`claim ${c.id} belongs to dataset "${c.dataset}", not "${name}"`, where, { id: c.id, field: "dataset" });
    try {
      validateClaim(c, ontology, (id) => entityTypes.get(id), where);
    } catch (e) {
      if (e instanceof DossierError) throw new DossierError("INVALID_DATASET", e.detail, { ...e.context, ...where, id: c.id, problem: e.code }, { cause: e });
      throw e;
    }
    for (const [i, cit] of c.citations.entries()) {
      const field = `citations[${i}]`;
      const text = await textFor(cit.source);
      if (text === undefined) {
        throw invalid(`claim ${c.id} cites ${cit.source}, which is neither in the dataset's sources nor archived`, where, { id: c.id, field });
      }
      if (text === null) continue; // known source, text not at hand: checked when it is ingested
      const check = verifySpan(text, cit);
      if (!check.ok) throw invalid(`claim ${c.id}: broken citation: ${check.reason}`, where, { id: c.id, field });
    }
  }

  const version = bundle.version;
  const existing = await store.getDataset(name);
  const base = { dataset: name, version, path: dir, entities: bundle.entities.length, claims: bundle.claims.length };
  if (existing && existing.version === version) {
    return { ...base, status: "unchanged", created: 0, edited: 0, removed: 0 };
  }

  return store.transaction(async (tx) => {
    const before = new Map((await tx.findClaims({ dataset: name })).map((c) => [c.id, c]));
    const now = new Date().toISOString();
    const dataset: Dataset = {
      name,
      title: bundle.dataset.title,
      visibility: bundle.dataset.visibility,
      kind: builtin ? "builtin" : (existing?.kind ?? "user"),
      version,
      sourceId: null,
      loadedAt: now,
      extra: {
        ...(existing?.extra ?? {}),
        description: bundle.dataset.description,
        sources: bundle.sources,
        path: displayPath(dir),
      },
    };
    await tx.putDataset(dataset);
    await tx.clearDataset(name);
    const entities: Entity[] = bundle.entities.map((e) => ({ ...e, dataset: name }));
    await tx.putEntities(entities);
    const claims = bundle.claims.map((c) => {
      const old = before.get(c.id);
      const createdAt = old?.createdAt ?? c.createdAt ?? now;
      const updatedAt = old && content(old) === content({ ...c, createdAt, updatedAt: "" }) ? old.updatedAt : now;
      return { ...c, createdAt, updatedAt };
    });
    await tx.putClaims(claims);

    let created = 0;
    let edited = 0;
    for (const c of claims) {
      const old = before.get(c.id);
      if (!old) {
        created++;
        await tx.appendAudit({ actor: opts.actor, action: "created", targetKind: "claim", targetId: c.id, before: null, after: c, reason: `loaded ${name} ${version}` });
      } else if (content(old) !== content(c)) {
        edited++;
        await tx.appendAudit({ actor: opts.actor, action: "edited", targetKind: "claim", targetId: c.id, before: old, after: c, reason: `loaded ${name} ${version}` });
      }
    }
    const removed = [...before.values()].filter((c) => !claimIds.has(c.id));
    for (const c of removed) {
      await tx.appendAudit({ actor: opts.actor, action: "deleted", targetKind: "claim", targetId: c.id, before: c, after: null, reason: `not in ${name} ${version}` });
    }
    await tx.appendAudit({
      actor: opts.actor,
      action: "loaded",
      targetKind: "dataset",
      targetId: name,
      before: existing ? { version: existing.version } : null,
      after: { version, entities: entities.length, claims: claims.length },
      reason: null,
    });
    return { ...base, status: "loaded" as const, created, edited, removed: removed.length };
  });
}

function displayPath(dir: string): string {
  const rel = relative(PROJECT_ROOT, dir);
  return rel.startsWith("..") || isAbsolute(rel) ? dir : rel.split(sep).join("/");
}

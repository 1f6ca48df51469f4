/**
 * Reads a dataset folder (the built-in data/myanmar/ or any folder of the same shape,
 * described in data/myanmar/README.md) into model entities and claims, checking its
 * structure: well-formed YAML, required fields, unique ids, citations that name a listed
 * source, claims that name listed entities. Every problem is an INVALID_DATASET error that
 * names the file and line, so a curator can jump to it. Ontology checks (predicate, types,
 * qualifiers, EDTF) are not done here: the loader runs them with src/model/validate.ts.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";
import { DossierError } from "../errors/index.ts";
import { CLAIM_STATUSES, RELIABILITY_GRADES, type Claim, type Entity, type QualifierValue, type Visibility } from "../model/types.ts";

export interface DatasetInfo {
  name: string;
  title: string;
  description: string;
  visibility: Visibility;
  license: string | null;
  /** Curation date (YYYY-MM-DD); claims take it as createdAt/updatedAt. */
  curated: string | null;
}

/** A document the dataset cites, as listed in sources.yaml. */
export interface DatasetSource {
  /** `sha256:` + hex SHA-256 of the document's raw bytes. */
  id: string;
  /** The document's file name (in the corpus the dataset was curated from). */
  file: string;
  title: string;
  publisher: string | null;
  author: string | null;
  /** EDTF. */
  published: string | null;
  url: string | null;
  language: string | null;
  kind: string | null;
  grade: (typeof RELIABILITY_GRADES)[number] | null;
}

export interface SourceLine {
  /** Path of the file, as joined from the dataset folder. */
  file: string;
  line: number;
}

export interface DatasetBundle {
  dataset: DatasetInfo;
  sources: DatasetSource[];
  entities: Entity[];
  claims: Claim[];
  /** SHA-256 (hex) over the dataset's files, names and bytes: equal versions load the same. */
  version: string;
  /** Where each claim, entity and source id is defined. */
  lines: Map<string, SourceLine>;
}

/** Fallback time stamp for datasets that give no curation date: a constant keeps reloads idempotent. */
const EPOCH = "1970-01-01T00:00:00.000Z";

const text = z.string().trim().min(1);
const optionalText = z.string().nullish().transform((v) => v ?? null);
// YAML reads an unquoted 2022 as a number; dates and similar fields accept both.
const loose = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v)));
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits");

const datasetSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "expected a lowercase name of letters, digits, - or _"),
  title: text,
  description: z.string().nullish().transform((v) => v ?? ""),
  visibility: z.enum(["public", "private"]),
  license: optionalText,
  curated: z
    .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"), z.date()])
    .nullish()
    .transform((v) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
});

const sourceSchema = z.object({
  id: z.string().regex(/^sha256:[0-9a-f]{64}$/, "expected sha256: and 64 lowercase hex digits"),
  file: text,
  title: text,
  publisher: optionalText,
  author: optionalText,
  published: loose,
  url: optionalText,
  language: optionalText,
  kind: optionalText,
  grade: z.enum(RELIABILITY_GRADES as [string, ...string[]]).nullish().transform((v) => (v ?? null) as DatasetSource["grade"]),
});

const entitySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]*:\S+$/, "expected an id like type:name"),
  type: text,
  name: text,
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).nullish().transform((v) => v ?? []),
  attributes: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {}),
});

const qualifierValue: z.ZodType<QualifierValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ id: z.string(), name: z.string().optional() }), z.array(qualifierValue)]),
);

const citationSchema = z
  .object({
    source: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    sha256: hex64,
  })
  .refine((c) => c.start < c.end, { message: "start must be less than end", path: ["end"] });

const claimSchema = z
  .object({
    id: text,
    subject: text,
    predicate: text,
    object: text,
    qualifiers: z.record(z.string(), qualifierValue).nullish().transform((v) => v ?? {}),
    credibility: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
    status: z.enum(CLAIM_STATUSES as [string, ...string[]]).nullish().transform((v) => (v ?? "accepted") as Claim["status"]),
    assertion: z.boolean().nullish().transform((v) => v ?? false),
    note: optionalText,
    citations: z.array(citationSchema).nullish().transform((v) => v ?? []),
  })
  .refine((c) => c.assertion || c.citations.length > 0, { message: "a claim needs at least one citation (or assertion: true)", path: ["citations"] });

interface ParsedFile {
  path: string;
  doc: Document.Parsed;
  counter: LineCounter;
}

function fail(detail: string, file: string, line?: number, field?: string): never {
  const context: { file: string; line?: number; field?: string } = { file };
  if (line !== undefined) context.line = line;
  if (field !== undefined) context.field = field;
  throw new DossierError("INVALID_DATASET", detail, context);
}

function lineOf(f: ParsedFile, node: Node | null | undefined): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : f.counter.linePos(offset).line;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function parseFile(path: string, bytes: Buffer): Promise<ParsedFile> {
  const counter = new LineCounter();
  const doc = parseDocument(bytes.toString("utf8"), { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) fail(`malformed YAML: ${err.message.split("\n")[0]}`, path, counter.linePos(err.pos[0]).line);
  return { path, doc, counter };
}

/** Validates one YAML node against a schema; a failure names the line of the offending field. */
function check<S extends z.ZodType>(schema: S, f: ParsedFile, node: Node, what: string): z.output<S> {
  const result = schema.safeParse(node.toJSON());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  // The deepest node that exists along the issue's path: the field itself, or the item lacking it.
  let at: Node = node;
  for (let i = path.length; i > 0; i--) {
    const found = isMap(node) || isSeq(node) ? node.getIn(path.slice(0, i), true) : undefined;
    if (found && typeof found === "object" && "range" in (found as object)) {
      at = found as Node;
      break;
    }
  }
  const field = path.length ? path.join(".") : undefined;
  const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
  fail(missing ? `${what}: required field is missing` : `${what}: ${issue.message}`, f.path, lineOf(f, at), field);
}

/** The items of a file whose top level must be a list (an empty file is an empty list). */
function listItems(f: ParsedFile): Node[] {
  const root = f.doc.contents;
  if (root === null || root === undefined) return [];
  if (!isSeq(root)) fail("expected a list of items at the top level", f.path, lineOf(f, root));
  return root.items.map((item) => {
    if (!isMap(item)) fail("expected each item to be a mapping of fields", f.path, lineOf(f, item as Node));
    return item;
  });
}

/** The node holding `field` in an item mapping, for line numbers of semantic errors. */
function fieldNode(item: Node, field: string): Node {
  const v = isMap(item) ? item.get(field, true) : undefined;
  return v && typeof v === "object" && "range" in (v as object) ? (v as Node) : item;
}

export async function readDataset(dir: string): Promise<DatasetBundle> {
  const datasetPath = join(dir, "dataset.yaml");
  if (!(await exists(datasetPath))) throw new DossierError("NOT_FOUND", "not a dataset folder: dataset.yaml is missing", { file: datasetPath });

  // Files in a fixed order so the version hash does not depend on directory listing order.
  const rel: string[] = ["dataset.yaml", "sources.yaml", "entities.yaml", "events.yaml", "claims.yaml"];
  const present: string[] = [];
  for (const r of rel) if (await exists(join(dir, r))) present.push(r);
  if (await exists(join(dir, "claims"))) {
    const names = (await readdir(join(dir, "claims"))).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
    present.push(...names.map((n) => `claims/${n}`));
  }

  const hash = createHash("sha256");
  const files = new Map<string, ParsedFile>();
  for (const r of present) {
    const path = join(dir, r);
    const bytes = await readFile(path);
    hash.update(r).update("\0").update(bytes).update("\0");
    files.set(r, await parseFile(path, bytes));
  }
  const version = hash.digest("hex");
  const lines = new Map<string, SourceLine>();

  const df = files.get("dataset.yaml")!;
  if (!isMap(df.doc.contents)) fail("expected a mapping with name, title, description, visibility", df.path, lineOf(df, df.doc.contents));
  const info = check(datasetSchema, df, df.doc.contents, "dataset");
  const dataset: DatasetInfo = { ...info };
  const stamp = dataset.curated ? `${dataset.curated}T00:00:00.000Z` : EPOCH;

  const sources: DatasetSource[] = [];
  const sourceIds = new Set<string>();
  const sf = files.get("sources.yaml");
  if (sf) {
    for (const item of listItems(sf)) {
      const s = check(sourceSchema, sf, item, "source");
      if (sourceIds.has(s.id)) fail(`duplicate source id ${s.id}`, sf.path, lineOf(sf, fieldNode(item, "id")), "id");
      sourceIds.add(s.id);
      lines.set(s.id, { file: sf.path, line: lineOf(sf, item) ?? 1 });
      sources.push(s as DatasetSource);
    }
  }

  const entities: Entity[] = [];
  const entityIds = new Set<string>();
  for (const r of ["entities.yaml", "events.yaml"]) {
    const ef = files.get(r);
    if (!ef) continue;
    for (const item of listItems(ef)) {
      const e = check(entitySchema, ef, item, "entity");
      if (entityIds.has(e.id)) {
        const first = lines.get(e.id);
        fail(`duplicate entity id ${e.id} (first at ${first?.file}:${first?.line})`, ef.path, lineOf(ef, fieldNode(item, "id")), "id");
      }
      entityIds.add(e.id);
      lines.set(e.id, { file: ef.path, line: lineOf(ef, item) ?? 1 });
      entities.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, attributes: e.attributes, dataset: dataset.name, mergedInto: null });
    }
  }

  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  for (const [r, cf] of files) {
    if (!(r === "claims.yaml" || r.startsWith("claims/"))) continue;
    for (const item of listItems(cf)) {
      const c = check(claimSchema, cf, item, "claim");
      if (claimIds.has(c.id)) {
        const first = lines.get(c.id);
        fail(`duplicate claim id ${c.id} (first at ${first?.file}:${first?.line})`, cf.path, lineOf(cf, fieldNode(item, "id")), "id");
      }
      claimIds.add(c.id);
      for (const field of ["subject", "object"] as const)
        if (!entityIds.has(c[field])) fail(`claim ${c.id}: ${field} ${c[field]} is not an entity of this dataset`, cf.path, lineOf(cf, fieldNode(item, field)), field);
      const citesNode = isMap(item) ? item.get("citations", true) : undefined;
      c.citations.forEach((cit, i) => {
        if (!sourceIds.has(cit.source)) {
          const at = isSeq(citesNode) ? (citesNode.items[i] as Node) : item;
          fail(`claim ${c.id}: citation source ${cit.source} is not listed in sources.yaml`, cf.path, lineOf(cf, at), `citations.${i}.source`);
        }
      });
      lines.set(c.id, { file: cf.path, line: lineOf(cf, item) ?? 1 });
      claims.push({
        id: c.id,
        dataset: dataset.name,
        predicate: c.predicate,
        subject: c.subject,
        object: c.object,
        qualifiers: c.qualifiers,
        status: c.status,
        credibility: c.credibility,
        confidence: null,
        origin: { kind: "dataset", name: dataset.name },
        citations: c.citations.map((x) => ({ source: x.source, start: x.start, end: x.end, quoteSha256: x.sha256 })),
        assertion: c.assertion,
        note: c.note,
        createdAt: stamp,
        updatedAt: stamp,
      });
    }
  }

  return { dataset, sources, entities, claims, version, lines };
}

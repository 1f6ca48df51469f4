/**
 * Composition for `dossier extract`: file bytes -> extracted text (archive formats) ->
 * the pure pipeline of src/extract, with the ontology's predicates, the gazetteer files
 * of data/gazetteer and the built-in datasets' entities. Stores nothing.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { DossierError } from "../errors/index.ts";
import { extractDocument } from "../archive/formats/index.ts";
import { checkMetadata, mergeMetadata, readSidecar } from "../archive/metadata.ts";
import { sourceIdOf } from "../model/canonical.ts";
import { createExtractor, EXTRACTOR, type Extractor } from "../extract/pipeline.ts";
import type { ExtractedClaim, ExtractedEntity, GazetteerEntry, Lexicon, PredicateSpec } from "../extract/types.ts";
import { loadOntology } from "./ontology.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const GAZETTEER_DIR = join(PROJECT_ROOT, "data", "gazetteer");

export interface ExtractionOutput {
  source: { id: string; title: string | null; published: string | null; language: string | null };
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
}

export interface ExtractFileOptions {
  published?: string;
  title?: string;
  minConfidence?: number;
  /** Use the built-in datasets' entities as gazetteer (default true); false measures the generic recogniser. */
  datasets?: boolean;
}

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    throw new DossierError("INVALID_DATASET", `cannot read gazetteer file: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The word lists of data/gazetteer/titles.yaml and modality.yaml. */
export function loadLexicon(dir = GAZETTEER_DIR): Lexicon {
  const t = readYaml(join(dir, "titles.yaml")) as Record<string, unknown>;
  const m = readYaml(join(dir, "modality.yaml")) as Record<string, unknown>;
  const heads: Record<string, string[]> = {};
  for (const [k, v] of Object.entries((t.heads ?? {}) as Record<string, unknown>)) heads[k] = list(v);
  return {
    ranks: list(t.ranks),
    titles: list(t.titles),
    heads,
    military: list(t.military),
    branches: list(t.branches),
    government: list(t.government),
    eventNouns: list(t.event_nouns),
    anaphors: list(t.anaphors),
    representatives: list(t.representatives),
    bodyNouns: list(t.body_nouns),
    abbreviations: list(t.abbreviations),
    notNames: list(t.not_names),
    functionWords: list(t.function_words),
    modality: { negation: list(m.negation), call: list(m.call), planned: list(m.planned), hedge: list(m.hedge) },
  };
}

/** States (with demonyms) and bodies of data/gazetteer, as gazetteer entries. */
export function loadGazetteerFiles(dir = GAZETTEER_DIR): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  const read = (file: string, type: string, prefix: string) => {
    const rows = readYaml(join(dir, file));
    if (!Array.isArray(rows)) throw new DossierError("INVALID_DATASET", "expected a list", { file: join(dir, file) });
    for (const r of rows as Record<string, unknown>[]) {
      const entry: GazetteerEntry = { id: `${prefix}:${String(r.id)}`, type, name: String(r.name), aliases: list(r.aliases) };
      if (r.demonyms) entry.demonyms = list(r.demonyms);
      if (r.adjective) entry.adjective = String(r.adjective);
      out.push(entry);
    }
  };
  read("states.yaml", "State", "state");
  read("bodies.yaml", "Body", "body");
  return out;
}

/**
 * Entities of the built-in datasets (data/<name>/entities.yaml and events.yaml), read
 * through io/dataset.ts when it is present, else from the YAML directly.
 */
export async function loadDatasetEntities(dataDir = join(PROJECT_ROOT, "data")): Promise<GazetteerEntry[]> {
  const out: GazetteerEntry[] = [];
  if (!existsSync(dataDir)) return out;
  for (const name of readdirSync(dataDir)) {
    const dir = join(dataDir, name);
    if (name === "gazetteer" || !existsSync(join(dir, "entities.yaml"))) continue;
    for (const file of ["entities.yaml", "events.yaml"]) {
      if (!existsSync(join(dir, file))) continue;
      const rows = readYaml(join(dir, file));
      const items = Array.isArray(rows) ? rows : Array.isArray((rows as { entities?: unknown })?.entities) ? (rows as { entities: unknown[] }).entities : [];
      for (const r of items as Record<string, unknown>[]) {
        if (!r || typeof r.id !== "string" || typeof r.name !== "string") continue;
        out.push({ id: r.id, type: String(r.type ?? "Organization"), name: r.name, aliases: list(r.aliases), attributes: (r.attributes ?? {}) as Record<string, unknown> });
      }
    }
  }
  return out;
}

/** The ontology's predicates in the shape the pipeline reads. */
export async function loadPredicates(): Promise<PredicateSpec[]> {
  const ontology = await loadOntology();
  return [...ontology.predicates.values()].map((p) => ({
    name: p.name,
    subject: p.subject,
    object: p.object,
    symmetric: p.symmetric,
    qualifiers: p.qualifiers,
    triggers: p.triggers,
  }));
}

const cached = new Map<boolean, Promise<Extractor>>();

/** The extractor with everything the project knows; built once per process. */
export function loadExtractor(extra: GazetteerEntry[] = [], withDatasets = true): Promise<Extractor> {
  if (extra.length) return build(extra, withDatasets);
  let e = cached.get(withDatasets);
  if (!e) cached.set(withDatasets, (e = build([], withDatasets)));
  return e;
}

async function build(extra: GazetteerEntry[], withDatasets: boolean): Promise<Extractor> {
  const [predicates, datasets] = await Promise.all([loadPredicates(), withDatasets ? loadDatasetEntities() : Promise.resolve([])]);
  // Dataset entities first: their ids win over the generic gazetteer's for the same name.
  return createExtractor(predicates, [...datasets, ...extra, ...loadGazetteerFiles()], loadLexicon());
}

/** Extracts proposed claims from the text of one document. */
export async function extractText(
  text: string,
  source: ExtractionOutput["source"],
  minConfidence?: number,
  withDatasets = true,
): Promise<ExtractionOutput> {
  const extractor = await loadExtractor([], withDatasets);
  const r = extractor.run(text, source.id, source.published, minConfidence);
  return { source, entities: r.entities, claims: r.claims };
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day. */
function validDay(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

export async function extractFile(path: string, opts: ExtractFileOptions = {}): Promise<ExtractionOutput & { text: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DossierError("NOT_FOUND", "no such file", { file: path }, { cause: e });
  }
  // Same precedence as ingest: flags, then the NAME.meta.json sidecar, then the document.
  const flags = checkMetadata({ published: opts.published, title: opts.title }, "flags");
  const doc = await extractDocument(bytes, { filename: basename(path) });
  const meta = mergeMetadata(flags, await readSidecar(path), doc.metadata);
  const source = { id: sourceIdOf(bytes), title: meta.title ?? null, published: meta.published ?? null, language: meta.language ?? doc.language ?? null };
  const out = await extractText(doc.text, source, opts.minConfidence, opts.datasets ?? true);
  return { ...out, text: doc.text };
}

export { EXTRACTOR };


/**
 * Composition for `dossier extract`: file bytes -> extracted text (archive formats) ->
 * the pure pipeline of src/extract, with the ontology's predicates, the gazetteer files
 * of data/gazetteer and the built-in datasets' entities. Stores nothing.
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { DossierError } from "../errors/index.ts";
import { extractDocument } from "../archive/formats/index.ts";
import { checkMetadata, mergeMetadata, readSidecar } from "../archive/metadata.ts";
import { sourceIdOf } from "../model/canonical.ts";
import { readDataset } from "../io/dataset.ts";
import { DATA_DIR, readDataMapping, readDataYaml, stringList } from "../io/project-data.ts";
import { createExtractor, EXTRACTOR, type Extractor } from "../extract/pipeline.ts";
import type { ExtractedClaim, ExtractedEntity, GazetteerEntry, Lexicon, PredicateSpec } from "../extract/types.ts";
import { loadOntology } from "./ontology.ts";

export const GAZETTEER_DIR = join(DATA_DIR, "gazetteer");

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

/** The word lists of data/gazetteer/titles.yaml and modality.yaml. */
export function loadLexicon(dir = GAZETTEER_DIR): Lexicon {
  const tf = join(dir, "titles.yaml");
  const mf = join(dir, "modality.yaml");
  const t = readDataMapping(tf);
  const m = readDataMapping(mf);
  const list = (v: unknown, field: string) => stringList(v, tf, field);
  const cues = (v: unknown, field: string) => stringList(v, mf, field);
  const heads: Record<string, string[]> = {};
  for (const [k, v] of Object.entries((t.heads ?? {}) as Record<string, unknown>)) heads[k] = list(v, `heads.${k}`);
  return {
    ranks: list(t.ranks, "ranks"),
    titles: list(t.titles, "titles"),
    heads,
    military: list(t.military, "military"),
    branches: list(t.branches, "branches"),
    government: list(t.government, "government"),
    eventNouns: list(t.event_nouns, "event_nouns"),
    anaphors: list(t.anaphors, "anaphors"),
    representatives: list(t.representatives, "representatives"),
    militaryRepresentatives: list(t.military_representatives, "military_representatives"),
    personnel: list(t.personnel, "personnel"),
    bodyNouns: list(t.body_nouns, "body_nouns"),
    abbreviations: list(t.abbreviations, "abbreviations"),
    notNames: list(t.not_names, "not_names"),
    functionWords: list(t.function_words, "function_words"),
    modality: { negation: cues(m.negation, "negation"), call: cues(m.call, "call"), planned: cues(m.planned, "planned"), hedge: cues(m.hedge, "hedge") },
  };
}

/** States (with demonyms) and bodies of data/gazetteer, as gazetteer entries. */
export function loadGazetteerFiles(dir = GAZETTEER_DIR): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  const read = (file: string, type: string, prefix: string) => {
    const path = join(dir, file);
    const rows = readDataYaml(path);
    if (!Array.isArray(rows)) throw new DossierError("INVALID_DATASET", "expected a list", { file: path });
    for (const r of rows as Record<string, unknown>[]) {
      const entry: GazetteerEntry = { id: `${prefix}:${String(r.id)}`, type, name: String(r.name), aliases: stringList(r.aliases, path, `${r.id}.aliases`) };
      if (r.demonyms) entry.demonyms = stringList(r.demonyms, path, `${r.id}.demonyms`);
      if (r.adjective) entry.adjective = String(r.adjective);
      out.push(entry);
    }
  };
  read("states.yaml", "State", "state");
  read("bodies.yaml", "Body", "body");
  return out;
}

/** Entities of the built-in datasets (every data/<name>/ with a dataset.yaml), as gazetteer entries. */
export async function loadDatasetEntities(dataDir = DATA_DIR): Promise<GazetteerEntry[]> {
  if (!existsSync(dataDir)) return [];
  const dirs = readdirSync(dataDir).map((name) => join(dataDir, name)).filter((dir) => existsSync(join(dir, "dataset.yaml")));
  const bundles = await Promise.all(dirs.map((dir) => readDataset(dir)));
  return bundles.flatMap((b) => b.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, attributes: e.attributes })));
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


/**
 * Screening services: builds a ScreeningIndex from ledger entities (persons and
 * organisations, with their aliases, birth dates and nationalities), screens names against
 * the imported lists and the ledger's own entities (`dossier screen`), proposes links from
 * the ledger's people and organisations to list entries (`dossier screen --entities`), and
 * compares name pairs in bulk for `dossier compare --file`.
 */
import { DossierError } from "../errors/index.ts";
import { readCsvTable } from "../io/csv-table.ts";
import type { Entity } from "../model/types.ts";
import { ScreeningIndex, type ScreeningMatch } from "../names/screening-index.ts";
import type { MatchExplanation } from "../names/similarity.ts";
import type { Store } from "../store/store.ts";
import { nameMatcher } from "./names.ts";

const SCREENED_TYPES = new Set(["Person", "Organization"]);

function stringList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string" || typeof x === "number").map(String);
}

/** An empty index using the shared name lists. */
export function createScreeningIndex(): ScreeningIndex {
  return new ScreeningIndex(nameMatcher());
}

/** Indexes the persons and organisations among `entities` (merged ones are skipped). */
export function buildScreeningIndex(entities: Entity[]): ScreeningIndex {
  const index = createScreeningIndex();
  for (const e of entities) {
    if (!SCREENED_TYPES.has(e.type) || e.mergedInto) continue;
    const a = e.attributes ?? {};
    index.add({
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      schema: typeof a.schema === "string" ? a.schema : e.type,
      datasets: [e.dataset],
      birthDates: [...stringList(a.birthDate), ...stringList(a.birthDates)],
      nationalities: [...stringList(a.nationality), ...stringList(a.nationalities)],
    });
  }
  return index;
}

export interface CompareRow {
  name1: string;
  name2: string;
  schema?: string;
  score: number;
  match: boolean;
  explanation: MatchExplanation;
}

export function compareNames(name1: string, name2: string, opts: { schema?: string; threshold?: number } = {}): CompareRow {
  const r = nameMatcher().compare(name1, name2, { threshold: opts.threshold });
  return { name1, name2, ...(opts.schema ? { schema: opts.schema } : {}), score: r.score, match: r.match, explanation: r.explanation };
}

/** Reads a pairs CSV (header row; columns name1, name2, optional schema) and compares each row, in order. */
export async function comparePairsFile(file: string, opts: { schema?: string; threshold?: number } = {}): Promise<CompareRow[]> {
  const rows: CompareRow[] = [];
  for await (const { record, line } of readCsvTable(file)) {
    for (const col of ["name1", "name2"]) {
      if (!record[col]) throw new DossierError("BAD_INPUT", `missing ${col}`, { file, line, field: col });
    }
    rows.push(compareNames(record.name1, record.name2, { schema: record.schema || opts.schema, threshold: opts.threshold }));
  }
  return rows;
}

export interface ScreenOptions {
  /** Only entities of these datasets are screened against (default: every dataset). */
  datasets?: string[];
  schema?: string;
  threshold?: number;
  limit?: number;
}

export interface ScreenResult {
  query: string;
  matches: ScreeningMatch[];
}

/** Index of every person and organisation in the store (imported lists and the ledger's own), optionally of some datasets only. */
export async function loadScreeningIndex(store: Store, datasets?: string[]): Promise<ScreeningIndex> {
  const entities = await store.listEntities({ type: ["Person", "Organization"], ...(datasets?.length ? { dataset: datasets } : {}) });
  return buildScreeningIndex(entities);
}

/** Screens each name against the index, best matches first. */
export function screenNames(index: ScreeningIndex, names: string[], opts: ScreenOptions = {}): ScreenResult[] {
  return names.map((query) => ({
    query,
    matches: index.query(query, { schema: opts.schema, threshold: opts.threshold, limit: opts.limit }),
  }));
}

/**
 * Reads the names to screen from a CSV file with a header row: the column `column`, else
 * `name`, else the first column. Streams the file; blank cells are skipped.
 */
export async function readNamesFile(file: string, column?: string): Promise<string[]> {
  const names: string[] = [];
  let col = -1;
  for await (const { cells, header, line } of readCsvTable(file)) {
    if (col < 0) {
      col = header.indexOf(column ?? "name");
      if (col < 0 && column !== undefined) throw new DossierError("BAD_INPUT", `no column named ${column} (columns: ${header.join(", ")})`, { file, line, field: column });
      if (col < 0) col = 0;
    }
    if (cells[col]) names.push(cells[col]);
  }
  return names;
}

/**
 * "MSA", "M.S.A.": an alias that is only initials. Unrelated organisations share them
 * (a military office and a trading company), so linking two records on initials alone
 * would propose noise; the entity is still screened under its full name and other aliases.
 */
export function isBareAcronym(name: string): boolean {
  const tokens = name.replace(/\./g, " ").trim().split(/\s+/);
  if (tokens.length === 1) return /^\p{Lu}{2,6}$/u.test(tokens[0]);
  return tokens.every((t) => /^\p{Lu}$/u.test(t));
}

export interface LinkProposal {
  entity: { id: string; name: string; type: string; dataset: string };
  match: ScreeningMatch;
}

/**
 * Screens every person and organisation of the ledger's own datasets (those whose kind is
 * not "list") against the list entries, and returns the hits above threshold as proposed
 * links for review (services/list-links.ts stores them as proposed `same_as` claims).
 */
export async function proposeListLinks(store: Store, opts: ScreenOptions = {}): Promise<{ screened: number; listEntries: number; proposals: LinkProposal[] }> {
  const all = await store.listDatasets();
  const lists = all.filter((d) => d.kind === "list").map((d) => d.name);
  const own = all.filter((d) => d.kind !== "list").map((d) => d.name);
  const wanted = opts.datasets?.length ? lists.filter((d) => opts.datasets!.includes(d)) : lists;
  const index = wanted.length ? await loadScreeningIndex(store, wanted) : createScreeningIndex();
  const entities = own.length ? await store.listEntities({ type: ["Person", "Organization"], dataset: own }) : [];
  const proposals: LinkProposal[] = [];
  for (const e of entities) {
    const schema = typeof e.attributes?.schema === "string" ? (e.attributes.schema as string) : e.type;
    const seen = new Set<string>();
    for (const name of [e.name, ...e.aliases.filter((a) => !isBareAcronym(a))]) {
      for (const m of index.query(name, { schema, threshold: opts.threshold, limit: opts.limit })) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        proposals.push({ entity: { id: e.id, name: e.name, type: e.type, dataset: e.dataset }, match: m });
      }
    }
  }
  proposals.sort((a, b) => b.match.score - a.match.score);
  return { screened: entities.length, listEntries: index.size, proposals };
}

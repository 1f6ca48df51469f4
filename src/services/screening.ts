/**
 * Screening services: builds a ScreeningIndex from ledger entities (persons and
 * organisations, with their aliases, birth dates and nationalities), and compares name
 * pairs in bulk for `dossier compare --file`.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { DossierError } from "../errors/index.ts";
import type { Entity } from "../model/types.ts";
import { ScreeningIndex } from "../names/screening-index.ts";
import type { MatchExplanation } from "../names/similarity.ts";
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
export function comparePairsFile(file: string, opts: { schema?: string; threshold?: number } = {}): CompareRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DossierError("NOT_FOUND", `cannot read pairs file: ${(e as Error).message}`, { file }, { cause: e });
  }
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true }) as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new DossierError("BAD_INPUT", `malformed CSV: ${(e as Error).message}`, { file, ...(line ? { line } : {}) }, { cause: e });
  }
  return rows.map(({ record, info }) => {
    for (const col of ["name1", "name2"]) {
      if (!record[col]) throw new DossierError("BAD_INPUT", `missing ${col}`, { file, line: info.lines, field: col });
    }
    return compareNames(record.name1, record.name2, { schema: record.schema || opts.schema, threshold: opts.threshold });
  });
}

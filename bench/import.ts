/**
 * Import speed: each shared list imported into a fresh temporary SQLite store through the
 * same service the CLI uses, reported as entities per second, with the time split into
 * parsing (io/, the whole list built in memory) and the rest (archiving, storing, commit),
 * so a bottleneck is named. Its peer is the SQLite floor: better-sqlite3 alone writing the
 * same rows (entities, folded names, claims, citations, the list's text), already built,
 * into a freshly migrated Dossier database in one transaction, with nothing parsed or
 * converted and its secondary indexes built once at the end. The shared FtM files hold 47
 * and 7 entities, too few to time a rate, so FtM is also timed on the OFAC list written
 * out by `dossier export ftm` (real data in OpenSanctions' shape, made at the start of the
 * run).
 * Run: node --import tsx bench/import.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceIdOf } from "../src/model/canonical.ts";
import { decodeListText, type ListFile, type ParsedList } from "../src/io/lists/common.ts";
import { parseOfac } from "../src/io/ofac.ts";
import { parseUn } from "../src/io/un.ts";
import { parseFtm } from "../src/io/ftm.ts";
import Database from "better-sqlite3";
import { configureConnection, openSqliteStore } from "../src/store/sqlite/index.ts";
import * as storeRows from "../src/store/kysely/rows.ts";
import { UNINDEXED_SOURCE_KIND } from "../src/store/store.ts";
import { withDossier } from "../src/services/dossier.ts";
import { importList, type ImportRequest } from "../src/services/import.ts";
import { exportFtm } from "../src/services/export.ts";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));

export interface ImportBenchRow {
  list: string;
  entities: number;
  claims: number;
  /** Whole import (read, parse, archive, store, commit). */
  seconds: number;
  entitiesPerSecond: number;
  /** Parsing alone, same files. */
  parseSeconds: number;
  parseEntitiesPerSecond: number;
  /** What is left: archiving, the transaction, Store inserts. */
  storeSeconds: number;
  /** better-sqlite3 alone writing the same rows, prebuilt, in one transaction. */
  floorSeconds: number;
  floorEntitiesPerSecond: number;
}

interface Case {
  list: string;
  request: Omit<ImportRequest, "onProgress">;
  parse: () => Promise<ParsedList>;
}

const requestFiles = (r: Case["request"]): string[] => [r.file, r.alt, r.add].filter((f): f is string => !!f);

const lf = (path: string): ListFile => {
  const bytes = readFileSync(path);
  return { file: path, sourceId: sourceIdOf(bytes), text: decodeListText(bytes).text };
};

const OFAC = { sdn: DATA + "sanctions/ofac/sdn_2024-05-03.csv", alt: DATA + "sanctions/ofac/alt_2025-02-27.csv", add: DATA + "sanctions/ofac/add_2025-02-27.csv" };

/** The OFAC list imported and written back out as FtM JSON lines, into `dir`. */
async function ofacAsFtm(dir: string): Promise<string> {
  const file = join(dir, "ofac-sdn.ftm.jsonl");
  const lines: string[] = [];
  await withDossier({ home: join(dir, "home"), actor: "bench" }, async (d) => {
    await importList(d, { kind: "ofac", file: OFAC.sdn, alt: OFAC.alt, add: OFAC.add });
    await exportFtm(d.store, { dataset: "us-ofac-sdn", write: (l) => void lines.push(l) });
  });
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

function cases(ofacFtm: string): Case[] {
  const un = DATA + "sanctions/un/UN_consolidated_2026-02.xml";
  const opts = { dataset: "bench", now: new Date().toISOString() };
  const ftm = (list: string, file: string): Case => ({ list, request: { kind: "ftm", file, dataset: "bench-ftm" }, parse: () => parseFtm(lf(file), opts) });
  return [
    { list: "OFAC SDN + ALT + ADD", request: { kind: "ofac", file: OFAC.sdn, alt: OFAC.alt, add: OFAC.add }, parse: () => parseOfac({ sdn: lf(OFAC.sdn), alt: lf(OFAC.alt), add: lf(OFAC.add) }, opts) },
    ftm("FtM: the OFAC list via `export ftm`", ofacFtm),
    { list: "UN consolidated XML", request: { kind: "un", file: un }, parse: () => parseUn(lf(un), opts) },
    ...["yente_zala_cluster", "yente_t1_eu_fsf_sample"].map((f) => ftm(`FtM ${f}`, `${DATA}ftm/${f}.ftm.jsonl`)),
  ];
}

async function best<T>(runs: number, fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  let out: { value: T; seconds: number } | null = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const value = await fn();
    const seconds = (performance.now() - t) / 1000;
    if (!out || seconds < out.seconds) out = { value, seconds };
  }
  return out!;
}

/** Imports every shared list `runs` times (fresh store each time) and keeps the best run. */
export async function benchImport(runs = 3): Promise<ImportBenchRow[]> {
  const rows: ImportBenchRow[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "dossier-bench-ftm-"));
  try {
    for (const c of cases(await ofacAsFtm(scratch))) rows.push(await benchCase(c, runs));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const total = rows.reduce((a, r) => ({ e: a.e + r.entities, s: a.s + r.seconds }), { e: 0, s: 0 });
  rows.push({
    list: "all",
    entities: total.e,
    claims: rows.reduce((n, r) => n + r.claims, 0),
    seconds: round(total.s),
    entitiesPerSecond: Math.round(total.e / total.s),
    parseSeconds: round(rows.reduce((n, r) => n + r.parseSeconds, 0)),
    parseEntitiesPerSecond: Math.round(total.e / rows.reduce((n, r) => n + r.parseSeconds, 0)),
    storeSeconds: round(rows.reduce((n, r) => n + r.storeSeconds, 0)),
    floorSeconds: round(rows.reduce((n, r) => n + r.floorSeconds, 0)),
    floorEntitiesPerSecond: Math.round(total.e / rows.reduce((n, r) => n + r.floorSeconds, 0)),
  });
  return rows;
}

/** Rows exactly as the store writes them, in table order (built before any timing). */
function storedRows(list: ParsedList, texts: string[]): { table: string; columns: readonly string[]; rows: unknown[][] }[] {
  const entities = [...list.authorities, ...list.entities];
  return [
    // A minimal source row per list file, which its text row references; of the kind an
    // import gives it, so the text stays out of full-text search as it does there.
    { table: "sources", columns: ["id", "sha256", "size", "format", "media_type", "text_sha256", "text_length", "ingested_at", "kind"], rows: texts.map((t, i) => [`bench:${i}`, "", t.length, "csv", "text/csv", "", t.length, "", UNINDEXED_SOURCE_KIND]) },
    { table: "source_texts", columns: ["source_id", "kind", "sha256", "text"], rows: texts.map((t, i) => [`bench:${i}`, "text", "", t]) },
    { table: "entities", columns: storeRows.ENTITY_COLUMNS, rows: entities.map((e) => storeRows.valuesOf(storeRows.entityToRow(e), storeRows.ENTITY_COLUMNS)) },
    { table: "entity_names", columns: storeRows.NAME_COLUMNS, rows: entities.flatMap(storeRows.nameRows) },
    { table: "claims", columns: storeRows.CLAIM_COLUMNS, rows: list.claims.map((c) => storeRows.valuesOf(storeRows.claimToRow(c), storeRows.CLAIM_COLUMNS)) },
    { table: "citations", columns: storeRows.CITATION_COLUMNS, rows: list.claims.flatMap((c) => storeRows.citationRows(c).map((r) => storeRows.valuesOf(r, storeRows.CITATION_COLUMNS))) },
  ];
}

/**
 * The SQLite floor: secondary indexes dropped, one prepared insert per table run row by
 * row, the indexes built again, from BEGIN to close (the fastest way measured).
 */
async function sqliteFloor(tables: ReturnType<typeof storedRows>): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), "dossier-bench-floor-"));
  try {
    const path = join(home, "dossier.db");
    await (await openSqliteStore({ path })).close();
    const db = new Database(path);
    configureConnection(db);
    const names = tables.map((t) => t.table);
    const indexes = (db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; tbl_name: string; sql: string }[]).filter((i) => names.includes(i.tbl_name));
    const t = performance.now();
    db.exec("BEGIN");
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    for (const { table, columns, rows } of tables) {
      const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const r of rows) stmt.run(r);
    }
    for (const i of indexes) db.exec(i.sql);
    db.exec("COMMIT");
    db.close();
    return (performance.now() - t) / 1000;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function benchCase(c: Case, runs: number): Promise<ImportBenchRow> {
  const parsed = await best(runs, c.parse);
  const whole = await best(runs, async () => {
    const home = mkdtempSync(join(tmpdir(), "dossier-bench-import-"));
    try {
      return await withDossier({ home, actor: "bench" }, (d) => importList(d, c.request));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
  const tables = storedRows(parsed.value, requestFiles(c.request).map((f) => decodeListText(readFileSync(f)).text));
  let floor = Infinity;
  for (let i = 0; i < runs; i++) floor = Math.min(floor, await sqliteFloor(tables));
  const entities = whole.value.entities;
  return {
    list: c.list,
    entities,
    claims: whole.value.claims,
    seconds: round(whole.seconds),
    entitiesPerSecond: Math.round(entities / whole.seconds),
    parseSeconds: round(parsed.seconds),
    parseEntitiesPerSecond: Math.round(parsed.value.entities.length / parsed.seconds),
    storeSeconds: round(whole.seconds - parsed.seconds),
    floorSeconds: round(floor),
    floorEntitiesPerSecond: Math.round(entities / floor),
  };
}

const round = (s: number) => Math.round(s * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchImport(Number(process.env.RUNS ?? 3));
  console.table(rows);
}

/**
 * Import speed: each shared list imported into a fresh temporary SQLite store through the
 * same service the CLI uses, reported as entities per second, with the time split into
 * parsing (io/) and storing (the Store's batched inserts), so a bottleneck is named.
 * Run: node --import tsx bench/import.ts
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceIdOf } from "../src/model/canonical.ts";
import { decodeListText, type ListFile, type ParsedList } from "../src/io/lists/common.ts";
import { parseOfac } from "../src/io/ofac.ts";
import { parseUn } from "../src/io/un.ts";
import { parseFtm } from "../src/io/ftm.ts";
import { withDossier } from "../src/services/dossier.ts";
import { importList, type ImportRequest } from "../src/services/import.ts";

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
}

interface Case {
  list: string;
  request: Omit<ImportRequest, "onProgress">;
  parse: () => Promise<ParsedList>;
}

const lf = (path: string): ListFile => {
  const bytes = readFileSync(path);
  return { file: path, sourceId: sourceIdOf(bytes), text: decodeListText(bytes).text };
};

function cases(): Case[] {
  const ofac = { sdn: DATA + "sanctions/ofac/sdn_2024-05-03.csv", alt: DATA + "sanctions/ofac/alt_2025-02-27.csv", add: DATA + "sanctions/ofac/add_2025-02-27.csv" };
  const un = DATA + "sanctions/un/UN_consolidated_2026-02.xml";
  const opts = { dataset: "bench", now: new Date().toISOString() };
  return [
    { list: "OFAC SDN + ALT + ADD", request: { kind: "ofac", file: ofac.sdn, alt: ofac.alt, add: ofac.add }, parse: () => parseOfac({ sdn: lf(ofac.sdn), alt: lf(ofac.alt), add: lf(ofac.add) }, opts) },
    { list: "UN consolidated XML", request: { kind: "un", file: un }, parse: () => parseUn(lf(un), opts) },
    ...["yente_zala_cluster", "yente_t1_eu_fsf_sample"].map((f): Case => {
      const file = `${DATA}ftm/${f}.ftm.jsonl`;
      return { list: `FtM ${f}`, request: { kind: "ftm", file, dataset: f.replace(/_/g, "-") }, parse: () => parseFtm(lf(file), opts) };
    }),
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
  for (const c of cases()) {
    const parsed = await best(runs, c.parse);
    const whole = await best(runs, async () => {
      const home = mkdtempSync(join(tmpdir(), "dossier-bench-import-"));
      try {
        return await withDossier({ home, actor: "bench" }, (d) => importList(d, c.request));
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
    const entities = whole.value.entities;
    rows.push({
      list: c.list,
      entities,
      claims: whole.value.claims,
      seconds: round(whole.seconds),
      entitiesPerSecond: Math.round(entities / whole.seconds),
      parseSeconds: round(parsed.seconds),
      parseEntitiesPerSecond: Math.round(parsed.value.entities.length / parsed.seconds),
      storeSeconds: round(whole.seconds - parsed.seconds),
    });
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
  });
  return rows;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchImport(Number(process.env.RUNS ?? 3));
  console.table(rows);
}

/**
 * Screening speed: indexes the OFAC SDN names, the UN list and the 2 x 50,000 candidate
 * negatives, then times 10,000 queries; builds a synthetic 1,000,000-name index and reports
 * its memory and queries per second; runs Fuse.js on the same indexes and queries (on a
 * bounded sample, extrapolated, because Fuse scans every name per query).
 * Synthetic names are drawn like real ones: given and family names as often as they occur
 * among the negatives (common names are common, as in a real list), both from names of one
 * script; half its queries are its own names, a third of those with two letters swapped.
 * Queries per second are wall-clock on one thread; the CPU-time figure (user + system of the
 * process over the same loop) is steadier when the machine is shared.
 * Run: node --expose-gc --import tsx bench/names.ts [--small] [--markdown]
 * (exports benchNames and namesMarkdown for bench/run.ts)
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import Fuse from "fuse.js";
import { readUnList } from "../scripts/build-name-pairs.ts";
import { createScreeningIndex } from "../src/services/screening.ts";
import type { ScreeningIndex } from "../src/names/screening-index.ts";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;

/** Minimal SDN reader for the bench: no header, CRLF, trailing 0x1A, `-0- ` empty. */
function sdnNames(): { id: string; name: string; schema: string }[] {
  const text = readFileSync(`${DATA}sanctions/ofac/sdn_2024-05-03.csv`, "latin1").replace(/\x1a\s*$/, "");
  const rows = parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.filter((r) => r[1]).map((r) => ({ id: `ofac:${r[0]}`, name: r[1], schema: r[2]?.trim() === "individual" ? "Person" : "Organization" }));
}

function csvNames(file: string): string[] {
  return (parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as { full_name: string }[]).map((r) => r.full_name).filter(Boolean);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The name with two adjacent letters swapped, a third of the time (names longer than 4 characters). */
function maybeSwapped(n: string, r: () => number): string {
  if (r() < 0.33 && n.length > 4) {
    const i = 1 + Math.floor(r() * (n.length - 2));
    return n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
  }
  return n;
}

const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Thai", "Han", "Hangul", "Hiragana", "Katakana", "Devanagari"].map((s) => [s, new RegExp(`\\p{Script=${s}}`, "u")] as const);

/**
 * `n` names made of the given (first) and family (last) names of `real`, each drawn as often as
 * it occurs there, given and family from names of the same script: half "Given Family", a
 * third "Given Given Family", the rest "Family, Given".
 */
function syntheticNames(real: string[], n: number, r: () => number): string[] {
  const parts = new Map<string, { given: string[]; family: string[] }>();
  const sources: string[] = [];
  for (const name of real) {
    const p = name.split(/\s+/);
    if (p.length < 2) continue;
    const script = SCRIPTS.find(([, re]) => re.test(name))?.[0] ?? "Other";
    let s = parts.get(script);
    if (!s) parts.set(script, (s = { given: [], family: [] }));
    s.given.push(p[0]);
    s.family.push(p[p.length - 1]);
    sources.push(script);
  }
  const pick = (a: string[]) => a[Math.floor(r() * a.length)];
  return Array.from({ length: n }, () => {
    const { given, family } = parts.get(pick(sources))!;
    const k = r(), g = pick(given), f = pick(family);
    return k < 0.5 ? `${g} ${f}` : k < 0.85 ? `${g} ${pick(given)} ${f}` : `${f}, ${g}`;
  });
}

function timeQueries(index: ScreeningIndex, queries: string[]): { qps: number; cpuQps: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  for (const q of queries) index.query(q, { limit: 10 });
  const wall = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c);
  return { qps: queries.length / wall, cpuQps: queries.length / ((cpu.user + cpu.system) / 1e6) };
}

function fuseQps(names: string[], queries: string[], sample: number): { qps: number; sampled: number } {
  const fuse = new Fuse(names, { includeScore: true, threshold: 0.4, ignoreLocation: true });
  const qs = queries.slice(0, sample);
  const t = performance.now();
  for (const q of qs) fuse.search(q, { limit: 10 });
  return { qps: qs.length / ((performance.now() - t) / 1000), sampled: qs.length };
}

export interface NameBenchFigures {
  realNames: number;
  realIndexSeconds: number;
  realQps: number;
  realCpuQps: number;
  realFuseQps: number;
  realFuseSample: number;
  syntheticNames: number;
  syntheticIndexSeconds: number;
  syntheticHeapMB: number;
  syntheticRssMB: number;
  syntheticQps: number;
  syntheticCpuQps: number;
  queries: number;
  syntheticFuseQps: number;
  syntheticFuseSample: number;
}

export async function benchNames(opts: { synthetic?: number; queries?: number } = {}): Promise<NameBenchFigures> {
  const nQueries = opts.queries ?? 10_000;
  const nSynthetic = opts.synthetic ?? 1_000_000;
  // Real lists.
  const sdn = sdnNames();
  const un = readUnList(`${DATA}sanctions/un/UN_consolidated_2026-02.xml`);
  const negatives = [...csvNames(`${DATA}names/yente_candgen_negatives_global_50k.csv`), ...csvNames(`${DATA}names/yente_candgen_negatives_us_50k.csv`)];
  let t = performance.now();
  const real = createScreeningIndex();
  for (const e of sdn) real.add({ ...e, datasets: ["ofac"] });
  un.forEach((u, i) => real.add({ id: `un:${i}`, name: u.name, aliases: [...u.aliases, ...u.original], schema: u.kind === "individual" ? "Person" : "Organization", datasets: ["un"] }));
  negatives.forEach((n, i) => real.add({ id: `neg:${i}`, name: n, schema: "Person", datasets: ["negatives"] }));
  real.query("warm up");
  const realIndexSeconds = (performance.now() - t) / 1000;
  const realNames = sdn.length + un.length + negatives.length;
  const r = rng(7);
  const pool = [...sdn.map((s) => s.name), ...un.map((u) => u.name), ...negatives];
  // Queries: listed names with a typo in a third of them, and unseen negatives.
  const queries = Array.from({ length: nQueries }, () => maybeSwapped(pool[Math.floor(r() * pool.length)], r));
  const realTimes = timeQueries(real, queries);
  const realFuse = fuseQps(pool, queries, 30);

  // Synthetic 1M: names drawn like the negatives' names.
  const names = syntheticNames(negatives, nSynthetic, r);
  global.gc?.();
  const before = process.memoryUsage();
  t = performance.now();
  const big = createScreeningIndex();
  for (let i = 0; i < names.length; i++) big.add({ id: `s:${i}`, name: names[i], schema: "Person", datasets: ["synthetic"] });
  big.query("warm up");
  const syntheticIndexSeconds = (performance.now() - t) / 1000;
  global.gc?.();
  const after = process.memoryUsage();
  // Half its own names (a third with a typo), half the real-list queries (mostly names it does not hold).
  const synthQueries = Array.from({ length: nQueries }, (_, i) => (i % 2 ? maybeSwapped(names[Math.floor(r() * names.length)], r) : queries[i]));
  const synthTimes = timeQueries(big, synthQueries);
  const bigFuse = fuseQps(names, synthQueries, 3);
  return {
    realNames,
    realIndexSeconds,
    realQps: realTimes.qps,
    realCpuQps: realTimes.cpuQps,
    realFuseQps: realFuse.qps,
    realFuseSample: realFuse.sampled,
    syntheticNames: nSynthetic,
    syntheticIndexSeconds,
    syntheticHeapMB: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 2 ** 20,
    syntheticRssMB: after.rss / 2 ** 20,
    syntheticQps: synthTimes.qps,
    syntheticCpuQps: synthTimes.cpuQps,
    queries: nQueries,
    syntheticFuseQps: bigFuse.qps,
    syntheticFuseSample: bigFuse.sampled,
  };
}

/** The screening-speed section of BENCHMARKS.md: Dossier against Fuse.js on the same indexes and queries. */
export function namesMarkdown(f: NameBenchFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const q = (x: number) => (x >= 100 ? n(x) : x.toFixed(2));
  const ratio = (a: number, b: number) => `${n(a / b)}×`;
  const synth = `synthetic, ${n(f.syntheticNames)} names`;
  return `| index | matcher | queries/s (wall) | queries/s (CPU time) | ratio to Fuse.js |
| --- | --- | ---: | ---: | ---: |
| real lists, ${n(f.realNames)} entities | Dossier | ${q(f.realQps)} | ${q(f.realCpuQps)} | ${ratio(f.realQps, f.realFuseQps)} |
| real lists, ${n(f.realNames)} entities | Fuse.js 7 (${f.realFuseSample} queries, extrapolated) | ${q(f.realFuseQps)} | — | 1× |
| ${synth} | Dossier | ${q(f.syntheticQps)} | ${q(f.syntheticCpuQps)} | ${ratio(f.syntheticQps, f.syntheticFuseQps)} |
| ${synth} | Fuse.js 7 (${f.syntheticFuseSample} queries, extrapolated) | ${q(f.syntheticFuseQps)} | — | 1× |

Real lists: OFAC SDN, the UN consolidated list and the 2 × 50,000 candidate negatives; ${n(f.queries)} queries (listed names, a third with two letters swapped, and negatives), top 10 each, one thread. Synthetic: given and family names drawn as often as they occur among the negatives, from names of one script; ${n(f.queries)} queries, half its own names (a third with two letters swapped), half the real-list queries. Index build ${f.realIndexSeconds.toFixed(1)} s (real), ${f.syntheticIndexSeconds.toFixed(1)} s (synthetic). Synthetic index memory: ${n(f.syntheticHeapMB)} MB of heap and buffers (process RSS ${n(f.syntheticRssMB)} MB; target < 2 GB). Target ≥ 2,000 queries/s per core at 1M names: **${f.syntheticQps >= 2000 ? "met" : "not met"}** (${q(f.syntheticQps)} wall, ${q(f.syntheticCpuQps)} by CPU time). For scale, yente answers about 4 match requests per second per vCPU. Reproduce: \`node --expose-gc --import tsx bench/names.ts --markdown\`.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = process.argv.includes("--small") ? 100_000 : 1_000_000;
  const f = await benchNames({ synthetic: n });
  console.log(process.argv.includes("--markdown") ? namesMarkdown(f) : JSON.stringify(f, null, 2));
}

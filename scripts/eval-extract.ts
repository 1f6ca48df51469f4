/**
 * `npm run eval`: runs the extractor on every document that has a gold file (the shared
 * corpus in test/gold/, our own fixtures in test/extract/fixtures/, and the held-out sets in
 * test/extract/heldout*), scores each with the shared scorer
 * (../shared/tools/score-extract.py), and prints recall and precision per document and per
 * predicate. A set's folder may hold its own
 * aliases.json. Every held-out set was written by someone who never read the extractor:
 * heldout/, heldout2/ and heldout3/ were then used to improve it (their figures are no
 * longer a test); heldout4/ has never been looked at while tuning and is the honest measure
 * of documents the extractor has not seen.
 * `--write` records the figures in BENCHMARKS.md ("Extraction quality").
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { machine, writeSection } from "../bench/report.ts";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { extractFile } from "../src/services/extract.ts";
import { mapAhead } from "../src/services/pipeline.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const SCORER = join(ROOT, "../shared/tools/score-extract.py");
const ALIASES = join(ROOT, "test/gold/aliases.json");

interface Doc {
  /** "corpus", "fixtures", or a held-out folder's name ("heldout", "heldout2"…). */
  set: string;
  gold: string;
  text: string;
  aliases: string;
}

interface Gold {
  file: string;
  published?: string;
  facts: { id: string; predicates: string[] }[];
}

/** A folder's own aliases.json, else the corpus's. */
const aliasesFor = (dir: string) => (existsSync(join(dir, "aliases.json")) ? join(dir, "aliases.json") : ALIASES);

function docs(): Doc[] {
  const out: Doc[] = [];
  const goldDir = join(ROOT, "test/gold");
  for (const f of readdirSync(goldDir).filter((f) => f.endsWith(".json") && f !== "aliases.json").sort()) {
    const g = JSON.parse(readFileSync(join(goldDir, f), "utf8")) as Gold;
    out.push({ set: "corpus", gold: join(goldDir, f), text: join(ROOT, "../shared/corpus", g.file), aliases: ALIASES });
  }
  const extractDir = join(ROOT, "test/extract");
  for (const set of ["fixtures", ...readdirSync(extractDir).filter((d) => d.startsWith("heldout")).sort()]) {
    const dir = join(extractDir, set);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort()) {
      const g = JSON.parse(readFileSync(join(dir, f), "utf8")) as Gold;
      out.push({ set, gold: join(dir, f), text: join(dir, g.file), aliases: aliasesFor(dir) });
    }
  }
  return out;
}

interface Score {
  file: string;
  gold: number;
  claims: number;
  recalled: number;
  recall: number;
  precision_lb: number;
  dated: string;
}

interface PredicateTally {
  gold: number;
  missed: number;
  claims: number;
  unmatched: number;
}

export async function evaluate(withDatasets = true): Promise<{ rows: (Score & { set: string })[]; perPredicate: Map<string, PredicateTally>; totals: Record<string, { gold: number; recalled: number; claims: number; matched: number }> }> {
  const tmp = mkdtempSync(join(tmpdir(), "dossier-eval-"));
  const rows: (Score & { set: string })[] = [];
  const perPredicate = new Map<string, PredicateTally>();
  const totals: Record<string, { gold: number; recalled: number; claims: number; matched: number }> = {};
  const tally = (p: string) => {
    let t = perPredicate.get(p);
    if (!t) perPredicate.set(p, (t = { gold: 0, missed: 0, claims: 0, unmatched: 0 }));
    return t;
  };
  // Extraction runs here, in order; the scorer (about a second a document) runs beside it,
  // one process per document, a few at a time.
  const extracted: { d: Doc; gold: Gold; out: Omit<Awaited<ReturnType<typeof extractFile>>, "text">; sys: string }[] = [];
  for (const d of docs()) {
    const gold = JSON.parse(readFileSync(d.gold, "utf8")) as Gold;
    const { text: _t, ...out } = await extractFile(d.text, { ...(gold.published ? { published: gold.published } : {}), datasets: withDatasets });
    const sys = join(tmp, `${d.set}-${basename(d.text)}.json`);
    writeFileSync(sys, JSON.stringify(out));
    extracted.push({ d, gold, out, sys });
  }
  const outputs: string[] = [];
  const scored = mapAhead(extracted, Math.max(2, availableParallelism()), async ({ d, sys }) => {
    try {
      return (await execFileAsync("python3", [SCORER, d.gold, sys, "--aliases", d.aliases, "--verbose"], { encoding: "utf8", maxBuffer: 16 << 20 })).stdout;
    } catch (e) {
      throw new Error(`scorer failed on ${d.gold}: ${(e as { stderr?: string }).stderr ?? e}`);
    }
  });
  for await (const o of scored) outputs.push(o);
  for (const [k, { d, gold, out }] of extracted.entries()) {
    const [first, ...rest] = outputs[k].trim().split("\n");
    const score = JSON.parse(first) as Score;
    rows.push({ ...score, set: d.set });
    const t = (totals[d.set] ??= { gold: 0, recalled: 0, claims: 0, matched: 0 });
    t.gold += score.gold;
    t.recalled += score.recalled;
    t.claims += score.claims;
    t.matched += Math.round(score.precision_lb * score.claims);
    if (d.set !== "corpus") continue;
    for (const f of gold.facts) tally(f.predicates[0]).gold++;
    for (const c of out.claims) tally(c.predicate).claims++;
    const missedIds = new Set<string>();
    for (const line of rest) {
      const miss = /^\s+MISS (\S+)/.exec(line);
      if (miss) missedIds.add(miss[1]);
      const un = /^\s+UNMATCHED (\S+)/.exec(line);
      if (un) tally(un[1]).unmatched++;
    }
    for (const f of gold.facts) if (missedIds.has(f.id)) tally(f.predicates[0]).missed++;
  }
  return { rows, perPredicate, totals };
}

const execFileAsync = promisify(execFile);

function pct(n: number, d: number): string {
  return d ? (n / d).toFixed(2) : "–";
}

export function report(e: Awaited<ReturnType<typeof evaluate>>): string {
  const lines: string[] = [];
  lines.push("| set | document | gold | claims | recall | precision (lb) | dated |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of e.rows) lines.push(`| ${r.set} | ${r.file} | ${r.gold} | ${r.claims} | ${r.recall.toFixed(2)} | ${r.precision_lb.toFixed(2)} | ${r.dated} |`);
  for (const [set, t] of Object.entries(e.totals))
    lines.push(`| ${set} | **all (micro)** | ${t.gold} | ${t.claims} | ${pct(t.recalled, t.gold)} | ${pct(t.matched, t.claims)} | |`);
  lines.push("", "Per predicate (corpus; a gold fact counts under its first predicate):", "", "| predicate | gold | recall | claims | precision (lb) |", "| --- | ---: | ---: | ---: | ---: |");
  for (const [p, t] of [...e.perPredicate].sort()) lines.push(`| ${p} | ${t.gold} | ${pct(t.gold - t.missed, t.gold)} | ${t.claims} | ${pct(t.claims - t.unmatched, t.claims)} |`);
  return lines.join("\n");
}

function writeBenchmarks(section: string): void {
  const measured = `Measured by \`npm run eval\` (scorer: ../shared/tools/score-extract.py, gold: test/gold/, fixtures: test/extract/fixtures/, held out: test/extract/heldout*/) on ${new Date().toISOString().slice(0, 10)}; machine: ${machine()}.`;
  writeSection("extraction-quality", `## Extraction quality\n\n${measured}\n\n${section}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("eval-extract.ts")) {
  const e = await evaluate();
  const text = report(e);
  console.log(text);
  // The same without the built-in dataset: how the generic recogniser does on names it was never given.
  const generic = await evaluate(false);
  const gtext = `Without the built-in dataset (gazetteer of states and bodies only):\n\n${report(generic).split("\n\nPer predicate")[0]}`;
  console.log("\n" + gtext);
  if (process.argv.includes("--write")) writeBenchmarks(`${text}\n\n${gtext}`);
}

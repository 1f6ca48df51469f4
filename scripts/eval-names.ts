/**
 * Measures name matching on the labelled pairs (scripts/build-name-pairs.ts): precision,
 * recall and F1 at the default threshold, per group, and Fuse.js on the same pairs in the
 * same run. Fuse is given a fair reading: name2 is indexed alone, name1 is the query, the
 * pair's score is 1 - Fuse's score (0 when Fuse returns nothing), and Fuse is credited with
 * its best threshold on this very set (an advantage ours does not get).
 * Run: node --import tsx scripts/eval-names.ts [--write] [--json]
 */
import { machine, writeSection } from "../bench/report.ts";
import Fuse from "fuse.js";
import { buildNamePairs, type LabelledPair } from "./build-name-pairs.ts";
import { nameMatcher } from "../src/services/names.ts";
import { DEFAULT_THRESHOLD } from "../src/names/similarity.ts";

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function prf(labels: boolean[], predicted: boolean[]): Prf {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  labels.forEach((l, i) => {
    if (l && predicted[i]) tp++;
    else if (!l && predicted[i]) fp++;
    else if (l) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, tn };
}

export function fuseScore(name1: string, name2: string): number {
  const fuse = new Fuse([name2], { includeScore: true, threshold: 1, ignoreLocation: true, isCaseSensitive: false });
  const r = fuse.search(name1);
  return r.length ? 1 - (r[0].score ?? 1) : 0;
}

export function evaluate(pairs: LabelledPair[]) {
  const m = nameMatcher();
  const labels = pairs.map((p) => p.label);
  const t0 = performance.now();
  const ours = pairs.map((p) => m.compare(p.name1, p.name2));
  const oursMs = performance.now() - t0;
  const t1 = performance.now();
  const fuse = pairs.map((p) => fuseScore(p.name1, p.name2));
  const fuseMs = performance.now() - t1;
  const overall = prf(labels, ours.map((r) => r.score >= DEFAULT_THRESHOLD));
  let fuseBest = { threshold: 0, ...prf(labels, fuse.map(() => true)) };
  for (let t = 0.05; t <= 1.0001; t += 0.01) {
    const r = prf(labels, fuse.map((s) => s >= t));
    if (r.f1 > fuseBest.f1) fuseBest = { threshold: Math.round(t * 100) / 100, ...r };
  }
  const groups: Record<string, Prf & { n: number }> = {};
  for (const g of [...new Set(pairs.map((p) => p.group))].sort()) {
    const idx = pairs.map((p, i) => (p.group === g ? i : -1)).filter((i) => i >= 0);
    groups[g] = { n: idx.length, ...prf(idx.map((i) => labels[i]), idx.map((i) => ours[i].score >= DEFAULT_THRESHOLD)) };
  }
  const errors = pairs
    .map((p, i) => ({ ...p, score: ours[i].score }))
    .filter((p, i) => p.label !== ours[i].score >= DEFAULT_THRESHOLD);
  return {
    pairs: pairs.length,
    positives: labels.filter(Boolean).length,
    negatives: labels.filter((l) => !l).length,
    threshold: DEFAULT_THRESHOLD,
    ours: overall,
    oursMsPerPair: oursMs / pairs.length,
    fuse: fuseBest,
    fuseMsPerPair: fuseMs / pairs.length,
    groups,
    errors,
  };
}

const f3 = (x: number) => x.toFixed(3);

export function markdown(r: ReturnType<typeof evaluate>): string {
  const lines = [
    "## Name matching",
    "",
    `Labelled pairs: ${r.pairs} (${r.positives} positive, ${r.negatives} negative), built at run time by`,
    "`scripts/build-name-pairs.ts` from `../shared/data` (UN positives untreated and treated against their",
    "listed names, validation negatives against the nearest listed UN name by trigram overlap, cross-script",
    "pairs) plus `test/names/hand_pairs.csv` (Burmese, Russian and Korean: ranks, honorifics, order, joined",
    "tokens, Cyrillic, Hangul, near misses). Reproduce: `node --import tsx scripts/eval-names.ts`.",
    "",
    "| matcher | threshold | precision | recall | F1 | FP | FN | ms/pair |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| Dossier (default threshold) | ${r.threshold} | ${f3(r.ours.precision)} | ${f3(r.ours.recall)} | ${f3(r.ours.f1)} | ${r.ours.fp} | ${r.ours.fn} | ${r.oursMsPerPair.toFixed(3)} |`,
    `| Fuse.js 7 (best threshold on this set) | ${r.fuse.threshold} | ${f3(r.fuse.precision)} | ${f3(r.fuse.recall)} | ${f3(r.fuse.f1)} | ${r.fuse.fp} | ${r.fuse.fn} | ${r.fuseMsPerPair.toFixed(3)} |`,
    "",
    "Fuse scoring: name2 indexed alone, name1 queried, pair score = 1 - Fuse score (0 when no result).",
    "",
    "| group | pairs | positives | negatives | correct | recall | false positives |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...Object.entries(r.groups).map(
      ([g, x]) => `| ${g} | ${x.n} | ${x.tp + x.fn} | ${x.fp + x.tn} | ${f3((x.tp + x.tn) / x.n)} | ${x.tp + x.fn ? f3(x.recall) : "—"} | ${x.fp} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

/** Replaces (or appends) one "## Title" section of a Markdown file, keeping the others. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("..", import.meta.url).pathname;
  const pairs = buildNamePairs(`${root}../shared/data`, `${root}test/names/hand_pairs.csv`);
  const r = evaluate(pairs);
  if (process.argv.includes("--json")) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(markdown(r));
    console.log(`errors (${r.errors.length}):`);
    for (const e of r.errors.slice(0, 80)) console.log(`  ${e.label ? "FN" : "FP"} ${e.score.toFixed(3)} [${e.group}] ${e.name1} | ${e.name2}`);
  }
  if (process.argv.includes("--write")) writeSection("name-matching", `${markdown(r)}\n\n_Machine: ${machine()}._`);
}

/**
 * Builds the labelled name pairs used by eval and tests, at run time, from the shared data
 * (../shared/data) plus our hand-written Burmese, Russian and Korean pairs (test/names/hand_pairs.csv).
 * Nothing from ../shared is copied into the repository.
 *   - UN positives, untreated and treated: each row (line n of both files) names one listed UN
 *     individual; its target is that individual's listed name (name parts joined, as the XML lists them).
 *   - Validation negatives: each synthetic person paired with the listed UN name nearest to it
 *     by character-trigram overlap (a neutral measure, not our matcher).
 *   - Watchman cross-script pairs: positives.
 * Run: node --import tsx scripts/build-name-pairs.ts [--out pairs.csv]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { SaxesParser } from "saxes";

export interface LabelledPair {
  name1: string;
  name2: string;
  schema: string;
  label: boolean;
  group: string;
}

export interface UnListed {
  name: string;
  kind: "individual" | "entity";
  aliases: string[];
  original: string[];
  birthDates: string[];
  nationalities: string[];
}

export function readUnList(file: string): UnListed[] {
  const out: UnListed[] = [];
  const p = new SaxesParser();
  let cur: (UnListed & { parts: Record<string, string> }) | null = null;
  const stack: string[] = [];
  let text = "";
  p.on("opentag", (t) => {
    stack.push(t.name);
    text = "";
    if (t.name === "INDIVIDUAL" || t.name === "ENTITY") cur = { name: "", kind: t.name === "INDIVIDUAL" ? "individual" : "entity", aliases: [], original: [], birthDates: [], nationalities: [], parts: {} };
  });
  p.on("text", (t) => (text += t));
  p.on("closetag", (t) => {
    stack.pop();
    const v = text.trim();
    text = "";
    if (!cur) return;
    const parent = stack[stack.length - 1];
    if (/^(FIRST|SECOND|THIRD|FOURTH)_NAME$/.test(t.name) && (parent === "INDIVIDUAL" || parent === "ENTITY") && v) cur.parts[t.name] = v;
    else if (t.name === "ALIAS_NAME" && v) cur.aliases.push(v);
    else if (t.name === "NAME_ORIGINAL_SCRIPT" && v) cur.original.push(v);
    else if ((t.name === "DATE" || t.name === "YEAR") && parent === "INDIVIDUAL_DATE_OF_BIRTH" && v) cur.birthDates.push(v);
    else if (t.name === "VALUE" && parent === "NATIONALITY" && v) cur.nationalities.push(v);
    else if (t.name === "INDIVIDUAL" || t.name === "ENTITY") {
      cur.name = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map((k) => cur!.parts[k]).filter(Boolean).join(" ");
      const { parts: _parts, ...rest } = cur;
      out.push(rest);
      cur = null;
    }
  });
  p.write(readFileSync(file, "utf8")).close();
  return out;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

function trigrams(s: string): Set<string> {
  const t = ` ${s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N} ]+/gu, "")} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

function nearest(name: string, listed: { name: string; grams: Set<string> }[]): string {
  const g = trigrams(name);
  let best = "", bestSim = -1;
  for (const l of listed) {
    let inter = 0;
    for (const x of g) if (l.grams.has(x)) inter++;
    const sim = inter / (g.size + l.grams.size - inter);
    if (sim > bestSim) [best, bestSim] = [l.name, sim];
  }
  return best;
}

export function buildNamePairs(sharedData: string, handPairsFile: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  const un = readUnList(`${sharedData}/sanctions/un/UN_consolidated_2026-02.xml`);
  const people = un.filter((u) => u.kind === "individual");
  const byName = new Map(people.map((u) => [u.name.toUpperCase(), u]));
  const untreated = readCsv(`${sharedData}/names/yente_positives_un_untreated.csv`);
  const treated = readCsv(`${sharedData}/names/yente_positives_un_treated.csv`);
  untreated.forEach((row, i) => {
    const target = byName.get(row.full_name.toUpperCase());
    if (!target) return;
    pairs.push({ name1: row.full_name, name2: target.name, schema: "Person", label: true, group: "un-untreated" });
    const t = treated[i];
    if (t?.full_name) pairs.push({ name1: t.full_name, name2: target.name, schema: "Person", label: true, group: "un-treated" });
  });
  const listed = people.map((u) => ({ name: u.name, grams: trigrams(u.name) }));
  for (const f of ["yente_validation_negatives_global.csv", "yente_validation_negatives_us.csv"]) {
    for (const row of readCsv(`${sharedData}/names/${f}`)) {
      if (!row.full_name) continue;
      pairs.push({ name1: row.full_name, name2: nearest(row.full_name, listed), schema: "Person", label: false, group: "validation-negative" });
    }
  }
  const watch = readFileSync(`${sharedData}/names/watchman_cross_script_pairs.csv`, "utf8").split("\n");
  for (const line of watch) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [q, m] = line.split(",");
    if (q && m) pairs.push({ name1: q, name2: m, schema: "Person", label: true, group: "cross-script" });
  }
  for (const row of readCsv(handPairsFile)) {
    pairs.push({ name1: row.name1, name2: row.name2, schema: row.schema || "Person", label: row.label === "1" || row.label === "true", group: `hand-${row.group || "misc"}` });
  }
  return pairs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("..", import.meta.url).pathname;
  const pairs = buildNamePairs(`${root}../shared/data`, `${root}test/names/hand_pairs.csv`);
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv = ["name1,name2,schema,label,group", ...pairs.map((p) => [p.name1, p.name2, p.schema, p.label ? "1" : "0", p.group].map(esc).join(","))].join("\n") + "\n";
  const outIdx = process.argv.indexOf("--out");
  if (outIdx > 0) writeFileSync(process.argv[outIdx + 1], csv);
  else process.stdout.write(csv);
}

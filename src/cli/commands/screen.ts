/**
 * `dossier screen NAME… [--file names.csv]`: screens names against every imported list and
 * the ledger's own people and organisations, best matches first, each with an explanation.
 * `dossier screen --entities` proposes links from the ledger's own entities to list entries
 * and stores them as proposed `same_as` claims for `dossier review` (`--dry-run`: print only).
 */
import type { Command } from "commander";
import { DossierError } from "../../errors/index.ts";
import type { ScreeningMatch } from "../../names/screening-index.ts";
import { DEFAULT_THRESHOLD } from "../../names/similarity.ts";
import { withDossier } from "../../services/dossier.ts";
import { storeListLinks } from "../../services/list-links.ts";
import { loadScreeningIndex, proposeListLinks, readNamesFile, screenNames, type ScreenResult } from "../../services/screening.ts";
import { parseNumber } from "../options.ts";
import { emit, note, table } from "../output.ts";

interface ScreenOpts {
  home?: string;
  actor?: string;
  json?: boolean;
  file?: string;
  column?: string;
  dataset?: string[];
  schema?: string;
  threshold?: string;
  limit?: string;
  entities?: boolean;
  dryRun?: boolean;
  into?: string;
}

const SCHEMATA = new Set(["Person", "Organization"]);
const EMPTY_HINT =
  "Nothing to screen against yet: import a sanctions list first, e.g. `dossier import ofac SDN.csv --dataset ofac` or `dossier import un consolidated.xml --dataset un`.";

function threshold(v: string | undefined): number {
  return v === undefined ? DEFAULT_THRESHOLD : parseNumber(v, "--threshold", 0, 1);
}

function limit(v: string | undefined): number {
  return v === undefined ? 10 : Math.trunc(parseNumber(v, "--limit", 1));
}

/** One line saying why: aligned tokens, then what stayed unmatched and what the dates said. */
function why(m: ScreeningMatch): string {
  const e = m.explanation;
  const parts = e.tokens.map((t) => (t.how === "exact" ? t.query : `${t.query}~${t.candidate} (${t.how})`));
  const un = [...e.unmatchedQuery, ...e.unmatchedCandidate];
  let s = parts.join(", ");
  if (un.length) s += `; unmatched: ${un.join(", ")}`;
  if (e.removed.query.length) s += `; ignored: ${e.removed.query.join(", ")}`;
  if (e.dob.verdict !== "unknown") s += `; birth date ${e.dob.verdict}`;
  return s;
}

function humanResults(results: ScreenResult[], t: number): string {
  return results
    .map((r) => {
      if (!r.matches.length) return `${r.query}: no match at threshold ${t}`;
      const rows = r.matches.map((m) => [m.score.toFixed(3), m.name, m.schema, m.datasets.join(", "), m.id]);
      return `${r.query}: ${r.matches.length} match${r.matches.length === 1 ? "" : "es"}\n${table(["score", "name", "schema", "datasets", "id"], rows)}\n  best: ${why(r.matches[0])}`;
    })
    .join("\n\n");
}

export function register(program: Command): void {
  program
    .command("screen")
    .description("screen names against imported sanctions lists and the ledger's own people and organisations")
    .argument("[names...]", "names to screen")
    .option("--file <names.csv>", "CSV with a header row; screens the column named by --column (default: name, else the first column)")
    .option("--column <name>", "column of --file holding the names")
    .option("--dataset <name>", "screen only against this dataset (repeatable)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--schema <schema>", "Person or Organization")
    .option("--threshold <t>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option("--limit <n>", "matches per name (default 10)")
    .option("--entities", "screen the ledger's own people and organisations against the lists and propose links for review")
    .option("--into <dataset>", "with --entities: the work dataset the proposed links go into (default workspace)")
    .option("--dry-run", "with --entities: print the proposed links, store nothing")
    .action(async (names: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as ScreenOpts;
      const t = threshold(o.threshold);
      const opts = { datasets: o.dataset, schema: o.schema, threshold: t, limit: limit(o.limit) };
      if (o.schema && !SCHEMATA.has(o.schema)) throw new DossierError("USAGE", `--schema must be Person or Organization, got ${o.schema}`);
      if ((o.into || o.dryRun) && !o.entities) throw new DossierError("USAGE", "--into and --dry-run go with --entities");
      if (o.entities) {
        if (names.length || o.file) throw new DossierError("USAGE", "--entities screens the ledger itself: give no names and no --file");
        const { r, stored } = await withDossier(o, async (d) => {
          const r = await proposeListLinks(d.store, opts);
          return { r, stored: o.dryRun ? null : await storeListLinks(d, r.proposals, { dataset: o.into }) };
        });
        if (!r.listEntries) note(EMPTY_HINT);
        const created = new Set(stored?.created.map((c) => c.object + " " + c.subject) ?? []);
        const storedNote = stored
          ? `stored in ${stored.dataset} for review: ${stored.created.length} new, ${stored.existing} already there` +
            (stored.uncited ? `, ${stored.uncited} left out (list entry has no cited listing)` : "") +
            (stored.refused ? `, ${stored.refused} left out (person and organisation)` : "") +
            (stored.created.length ? "; run `dossier review`" : "")
          : "not stored (--dry-run)";
        emit(o, { proposals: r.proposals.map((p) => ({ ...p, new: created.has(p.match.id + " " + p.entity.id) })), stored: stored && { ...stored, created: stored.created.map((c) => c.id) } }, () =>
          r.proposals.length
            ? `${r.proposals.length} proposed link${r.proposals.length === 1 ? "" : "s"} (${r.screened} entities screened against ${r.listEntries} list entries); ${storedNote}\n` +
              table(
                ["score", "entity", "dataset", "list entry", "lists", "id"],
                r.proposals.map((p) => [p.match.score.toFixed(3), p.entity.name, p.entity.dataset, p.match.name, p.match.datasets.join(", "), p.match.id]),
              )
            : `no proposed links (${r.screened} entities screened against ${r.listEntries} list entries at threshold ${t})`,
        );
        return;
      }
      const queries = [...names];
      if (o.file) queries.push(...(await readNamesFile(o.file, o.column)));
      if (!queries.length) throw new DossierError("USAGE", "screen needs NAME… or --file names.csv (or --entities)");
      const index = await withDossier(o, (d) => loadScreeningIndex(d.store, o.dataset));
      if (!index.size) note(EMPTY_HINT);
      const results = screenNames(index, queries, opts);
      emit(o, { results }, () => humanResults(results, t));
    });
}

/**
 * `dossier compare NAME1 NAME2` and `dossier compare --file pairs.csv`: scores name pairs
 * with the screening matcher and explains each score.
 */
import type { Command } from "commander";
import { DossierError } from "../../errors/index.ts";
import { DEFAULT_THRESHOLD } from "../../names/similarity.ts";
import { compareNames, comparePairsFile, type CompareRow } from "../../services/screening.ts";
import { parseNumber } from "../options.ts";
import { emit, table } from "../output.ts";

function threshold(v: string | undefined): number {
  return v === undefined ? DEFAULT_THRESHOLD : parseNumber(v, "--threshold", 0, 1);
}

function why(r: CompareRow): string {
  const e = r.explanation;
  const parts = e.tokens.map((t) => (t.how === "exact" ? t.query : `${t.query}~${t.candidate} (${t.how})`));
  const un = [...e.unmatchedQuery, ...e.unmatchedCandidate];
  return parts.join(", ") + (un.length ? `; unmatched: ${un.join(", ")}` : "");
}

export function register(program: Command): void {
  program
    .command("compare")
    .description("score how likely two names are the same person or organisation")
    .argument("[name1]")
    .argument("[name2]")
    .option("--schema <schema>", "Person or Organization")
    .option("--threshold <t>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option("--file <pairs.csv>", "CSV with a header row and columns name1,name2[,schema]")
    .action(async (name1: string | undefined, name2: string | undefined, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { schema?: string; threshold?: string; file?: string; json?: boolean };
      const t = threshold(o.threshold);
      if (o.file) {
        if (name1 || name2) throw new DossierError("USAGE", "give either NAME1 NAME2 or --file, not both");
        const rows = await comparePairsFile(o.file, { schema: o.schema, threshold: t });
        emit(o, rows, () => table(["name1", "name2", "score", "match", "why"], rows.map((r) => [r.name1, r.name2, r.score.toFixed(3), r.match ? "yes" : "no", why(r)])));
        return;
      }
      if (!name1 || !name2) throw new DossierError("USAGE", "compare needs NAME1 and NAME2 (or --file pairs.csv)");
      const r = compareNames(name1, name2, { schema: o.schema, threshold: t });
      emit(o, r, () => `${r.match ? "MATCH" : "no match"}  score ${r.score.toFixed(3)} (threshold ${t})\n${why(r)}`);
    });
}

/** `dossier search TEXT`: entities by name or alias (any script) and claims mentioning it. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { search } from "../../services/ledger/search.ts";
import { claimText } from "../../services/ledger/present.ts";
import { emit, table } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("search")
    .description("find entities (names, aliases) and claims mentioning the text")
    .argument("<text...>")
    .option("--limit <n>", "at most this many of each", "50")
    .action(async (words: string[], _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { limit: string };
      const r = await withDossier(o, (d) => search(d.store, words.join(" "), { limit: parseNumber(o.limit, "--limit", 1) }));
      emit(o, r, () => {
        const parts = [r.entities.length ? table(["id", "type", "name", "claims"], r.entities.map((e) => [e.id, e.type, e.name, e.claims])) : "no entities"];
        parts.push("", r.claims.length ? r.claims.map((c) => claimText(c)).join("\n\n") : "no claims");
        return parts.join("\n");
      });
    });
}

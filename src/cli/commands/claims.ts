/** `dossier claims [filters]`: claims in the `dossier extract` JSON shape, disputes marked. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { queryClaims } from "../../services/ledger/claims.ts";
import { claimText } from "../../services/ledger/present.ts";
import { emit } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("claims")
    .description("list claims; filters compose, dates compare with their precision")
    .option("--predicate <p>", "only this predicate")
    .option("--subject <name-or-id>", "only claims with this subject")
    .option("--object <name-or-id>", "only claims with this object")
    .option("--from <edtf>", "only claims that may end on or after this date")
    .option("--to <edtf>", "only claims that may start on or before this date")
    .option("--status <s>", "proposed, accepted, rejected or disputed")
    .option("--dataset <name>", "only this dataset")
    .option("--source <id>", "only claims citing this source (id or prefix)")
    .option("--limit <n>", "at most this many")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & Record<string, string | undefined>;
      const limit = o.limit !== undefined ? parseNumber(o.limit, "--limit", 0) : undefined;
      const claims = await withDossier(o, (d) =>
        queryClaims(d.store, { predicate: o.predicate, subject: o.subject, object: o.object, from: o.from, to: o.to, status: o.status, dataset: o.dataset, source: o.source, limit }),
      );
      emit(o, { claims }, () => (claims.length ? claims.map((c) => claimText(c)).join("\n\n") + `\n\n${claims.length} claims` : "no claims"));
    });
}

/** `dossier accept CLAIM…`: accept proposed claims (a duplicate adds its citations to the existing fact). */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { acceptClaims, decisionText } from "../../services/ledger/review.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("accept")
    .description("accept claims as facts (audited)")
    .argument("<claims...>", "claim ids")
    .option("--reason <text>", "why, for the audit log")
    .action(async (ids: string[], _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { reason?: string };
      const decisions = await withDossier(o, (d) => acceptClaims(d.store, ids, { actor: d.actor, reason: o.reason }));
      emit(o, { decisions }, () => decisions.map(decisionText).join("\n"));
    });
}

/** `dossier reject CLAIM… --reason R`: reject claims, with the reason in the audit log. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { decisionText, rejectClaims } from "../../services/ledger/review.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("reject")
    .description("reject claims (audited; a reason is required)")
    .argument("<claims...>", "claim ids")
    .requiredOption("--reason <text>", "why the claims are rejected")
    .action(async (ids: string[], _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { reason: string };
      const decisions = await withDossier(o, (d) => rejectClaims(d.store, ids, { actor: d.actor, reason: o.reason }));
      emit(o, { decisions }, () => decisions.map(decisionText).join("\n"));
    });
}

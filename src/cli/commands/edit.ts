/** `dossier edit CLAIM [--subject …] [--date …] [--set k=v]… [--accept]`: correct a claim (audited). */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { decisionText, editClaim } from "../../services/ledger/review.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

const collect = (v: string, acc: string[]) => [...acc, v];

export function register(program: Command): void {
  program
    .command("edit")
    .description("edit a claim's parties, predicate, dates or qualifiers (checked against the ontology, audited)")
    .argument("<claim>", "claim id")
    .option("--subject <name-or-id>")
    .option("--object <name-or-id>")
    .option("--predicate <p>")
    .option("--date <edtf>", "empty string removes it")
    .option("--start <edtf>")
    .option("--end <edtf>")
    .option("--set <key=value>", "set a qualifier (repeatable; key= removes it)", collect, [] as string[])
    .option("--accept", "accept the claim after editing")
    .option("--reason <text>", "why, for the audit log")
    .action(async (id: string, _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & {
        subject?: string; object?: string; predicate?: string; date?: string; start?: string; end?: string; set: string[]; accept?: boolean; reason?: string;
      };
      const decisions = await withDossier(o, (d) =>
        editClaim(
          d.store,
          id,
          { subject: o.subject, object: o.object, predicate: o.predicate, date: o.date, start: o.start, end: o.end, set: o.set, accept: o.accept },
          { actor: d.actor, reason: o.reason },
        ),
      );
      emit(o, { decisions }, () => decisions.map(decisionText).join("\n"));
    });
}

/** `dossier merge FROM INTO`: one entity under two ids; both keep resolving (audited). */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { mergeEntities } from "../../services/ledger/review.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("merge")
    .description("merge one entity into another: its claims move, its id keeps resolving")
    .argument("<from>", "name or id of the entity to merge away")
    .argument("<into>", "name or id of the entity that remains")
    .option("--reason <text>", "why, for the audit log")
    .action(async (from: string, into: string, _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { reason?: string };
      const r = await withDossier(o, (d) => mergeEntities(d.store, from, into, { actor: d.actor, reason: o.reason }));
      emit(o, { from: r.from.id, into: r.into.id }, () => `merged ${r.from.id} (${r.from.name}) into ${r.into.id} (${r.into.name})`);
    });
}

/** `dossier entities [--type T] [--dataset D]`: the entity list with claim counts. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { listEntities } from "../../services/ledger/profile.ts";
import { emit, table } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("entities")
    .description("list entities with how many claims each takes part in")
    .option("--type <type>", "only this type (Person, Organization, State, Body, Place, Event)")
    .option("--dataset <name>", "only this dataset")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { type?: string; dataset?: string };
      const rows = await withDossier(o, (d) => listEntities(d.store, { type: o.type, dataset: o.dataset }));
      emit(o, { entities: rows }, () =>
        rows.length ? table(["id", "type", "name", "claims"], rows.map((r) => [r.id, r.type, r.name, r.claims])) : "no entities",
      );
    });
}

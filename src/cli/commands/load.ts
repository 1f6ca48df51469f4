/** `dossier load myanmar|PATH`: load a dataset folder (checked whole, one transaction). */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { loadDataset } from "../../services/ledger/load.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("load")
    .description("load a dataset: a built-in one by name (myanmar) or a dataset folder")
    .argument("<dataset>", "built-in dataset name, or path to a dataset folder")
    .action(async (name: string, _o, cmd: Command) => {
      const o = globals(cmd);
      const r = await withDossier(o, (d) => loadDataset(d.store, name, { actor: d.actor }));
      emit(o, r, () =>
        r.status === "unchanged"
          ? `${r.dataset} ${r.version} is already loaded; nothing changed`
          : `loaded ${r.dataset} ${r.version}: ${r.entities} entities, ${r.claims} claims (${r.created} new, ${r.edited} changed, ${r.removed} removed)`,
      );
    });
}

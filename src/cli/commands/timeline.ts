/** `dossier timeline NAME|ID`: an entity's dated claims in order, precision shown. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { timeline } from "../../services/ledger/timeline.ts";
import { claimText } from "../../services/ledger/present.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("timeline")
    .description("an entity's dated claims in order, with each date's precision and uncertainty")
    .argument("<name-or-id>")
    .action(async (name: string, _o, cmd: Command) => {
      const o = globals(cmd);
      const t = await withDossier(o, (d) => timeline(d.store, name));
      emit(o, t, () => {
        const lines = [`${t.entity.name} (${t.entity.id})`, ""];
        for (const e of t.entries) {
          lines.push(`${e.date.display}${e.via ? `  via ${e.via.name}` : ""}`);
          lines.push(claimText(e.claim, "    "));
        }
        if (!t.entries.length) lines.push("no dated claims");
        if (t.undated) lines.push("", `${t.undated} undated claims not shown (see dossier entity)`);
        return lines.join("\n");
      });
    });
}

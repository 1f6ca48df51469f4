/** `dossier entity NAME|ID`: one entity's profile with its claims, dates and citations. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { entityProfile } from "../../services/ledger/profile.ts";
import { claimText } from "../../services/ledger/present.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("entity")
    .description("profile of an entity: names, attributes, claims by predicate with citations")
    .argument("<name-or-id>")
    .option("--all", "include rejected claims")
    .action(async (name: string, _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { all?: boolean };
      const p = await withDossier(o, (d) => entityProfile(d.store, name, { includeRejected: o.all }));
      emit(o, p, () => {
        const e = p.entity;
        const lines = [`${e.name}  (${e.type}, ${e.id}, dataset ${e.dataset})`];
        if (e.aliases.length) lines.push(`aliases: ${e.aliases.join(" · ")}`);
        for (const [k, v] of Object.entries(e.attributes)) lines.push(`${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
        for (const [title, groups] of [["outgoing", p.outgoing], ["incoming", p.incoming]] as const) {
          const preds = Object.entries(groups);
          if (!preds.length) continue;
          lines.push("", `${title}:`);
          for (const [pred, claims] of preds) {
            lines.push(`  ${pred} (${claims.length})`);
            for (const c of claims) lines.push(claimText(c, "    "));
          }
        }
        if (!p.counts.outgoing && !p.counts.incoming) lines.push("", "no claims");
        return lines.join("\n");
      });
    });
}

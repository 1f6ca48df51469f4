/** `dossier audit [--target ID]`: the audit log of changes to claims, entities and datasets. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { auditLog } from "../../services/ledger/audit.ts";
import { emit, table } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("audit")
    .description("list the audit log: who changed which claim, entity or dataset, when and why")
    .option("--target <id>", "only entries about this claim, entity or dataset")
    .option("--limit <n>", "only the last n entries")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { target?: string; limit?: string };
      const limit = o.limit !== undefined ? parseNumber(o.limit, "--limit", 1) : undefined;
      const entries = await withDossier(o, (d) => auditLog(d.store, { target: o.target, limit }));
      emit(o, { entries }, () =>
        entries.length
          ? table(["#", "at", "actor", "action", "target", "reason"], entries.map((e) => [e.seq, e.at, e.actor, e.action, `${e.targetKind} ${e.targetId}`, e.reason]), 80)
          : "no audit entries",
      );
    });
}

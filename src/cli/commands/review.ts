/**
 * `dossier review [--source ID] [--dataset D]`: the proposed claims with their quotes in
 * context. On a terminal, one key per decision; with --json or without a terminal, the list.
 */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { reviewQueue, contextText } from "../../services/ledger/queue.ts";
import { claimText } from "../../services/ledger/present.ts";
import { reviewActions, runReviewLoop } from "../../services/ledger/review-loop.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("review")
    .description("review proposed claims: a accept, r reject, e edit, s skip, q quit")
    .option("--source <id>", "only claims citing this source (id or prefix)")
    .option("--dataset <name>", "only this dataset")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { source?: string; dataset?: string };
      const interactive = !o.json && Boolean(process.stdin.isTTY && process.stdout.isTTY);
      await withDossier(o, async (d) => {
        const items = await reviewQueue(d.store, { source: o.source, dataset: o.dataset });
        if (!interactive) {
          emit(o, { claims: items.map((i) => ({ ...i.claim, context: i.context })) }, () =>
            items.length
              ? items.map((i) => [claimText(i.claim), ...i.context.map((c) => "    " + contextText(c))].join("\n")).join("\n\n")
              : "nothing to review",
          );
          return;
        }
        await runReviewLoop(items, reviewActions(d.store, { actor: d.actor }), { input: process.stdin, output: process.stdout });
      });
    });
}

/**
 * `dossier start` (what `npm start` runs): on first use loads the built-in dataset, then
 * shows what the home holds and where to go next. The web app will take this over.
 */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { ensureBuiltin, overview } from "../../services/overview.ts";
import { emit, table } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("start")
    .description("load the built-in dataset on first use and show what this Dossier holds")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd);
      const { loaded, view } = await withDossier(o, async (d) => ({ loaded: await ensureBuiltin(d), view: await overview(d) }));
      emit(o, { loaded, ...view }, () =>
        [
          loaded ? `Loaded the built-in dataset "${loaded.dataset}": ${loaded.entities} entities, ${loaded.claims} claims.\n` : "",
          `Dossier at ${view.home} (${view.backend})`,
          table(["dataset", "kind", "visibility", "entities", "claims", "title"], view.datasets.map((x) => [x.name, x.kind, x.visibility, x.entities, x.claims, x.title])),
          `${view.sources} archived sources; ${view.claims.accepted} accepted and ${view.claims.proposed} proposed claims.`,
          "",
          "Next:",
          '  npx dossier entity "Min Aung Hlaing"          a profile with cited claims',
          "  npx dossier claims --predicate chaired        who chaired what, with citations",
          '  npx dossier timeline "ADMM-Plus"              dated claims in order',
          "  npx dossier ingest ../shared/corpus           archive documents; citations then show quotes",
          "  npx dossier review                            accept or reject proposed claims",
          '  npx dossier screen "Min Aung Hlaing"          screen names against imported sanctions lists',
          "  npx dossier --help                            every command",
        ].join("\n"),
      );
    });
}

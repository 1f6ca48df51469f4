/**
 * `dossier import ofac|un|ftm FILE`: loads a sanctions list into a dataset (replacing its
 * previous version). Thin: the work is in services/import.ts.
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { withDossier } from "../../services/dossier.ts";
import { DEFAULT_DATASET, importList, type ImportRequest, type ImportSummary, type ListKind } from "../../services/import.ts";
import { emit } from "../output.ts";

interface Globals {
  home?: string;
  json?: boolean;
  actor?: string;
  dataset?: string;
  alt?: string;
  add?: string;
}

/** A progress bar on stderr, only for a person watching a terminal. */
function progress(json: boolean | undefined): { onProgress?: ImportRequest["onProgress"]; stop: () => void } {
  if (json || !process.stderr.isTTY) return { stop: () => {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{phase} [{bar}] {percentage}%", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let phase = "";
  return {
    onProgress: (p, done, total) => {
      if (p !== phase) {
        if (phase) bar.stop();
        phase = p;
        bar.start(Math.max(total, 1), done, { phase: p.padEnd(5) });
      } else bar.update(done, { phase: p.padEnd(5) });
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

function human(s: ImportSummary): string {
  const lines = [
    `imported ${s.entities} entities and ${s.claims} claims into ${s.dataset} in ${s.seconds}s`,
    `source ${s.source}`,
  ];
  if (s.replaced.entities || s.replaced.claims) lines.push(`replaced the previous version: ${s.replaced.entities} entities, ${s.replaced.claims} claims`);
  const notes = Object.entries(s.stats).filter(([k, v]) => k !== "records" && v);
  if (notes.length) lines.push(notes.map(([k, v]) => `${k}: ${v}`).join(", "));
  return lines.join("\n");
}

function run(kind: ListKind) {
  return async (file: string, _opts: unknown, cmd: Command) => {
    const g = cmd.optsWithGlobals<Globals>();
    const bar = progress(g.json);
    try {
      const summary = await withDossier({ home: g.home, actor: g.actor }, (d) =>
        importList(d, { kind, file, alt: g.alt, add: g.add, dataset: g.dataset, onProgress: bar.onProgress }),
      );
      bar.stop();
      emit(g, summary, () => human(summary));
    } finally {
      bar.stop();
    }
  };
}

export function register(program: Command): void {
  const imp = program.command("import").description("load a sanctions list into a dataset (re-import replaces the previous version)");
  imp
    .command("ofac")
    .description("OFAC SDN list (legacy CSV), with its aliases and addresses files")
    .argument("<sdn.csv>", "the SDN file")
    .option("--alt <alt.csv>", "aliases file (joined on ent_num)")
    .option("--add <add.csv>", "addresses file (joined on ent_num)")
    .option("--dataset <name>", "dataset to load into", DEFAULT_DATASET.ofac!)
    .action(run("ofac"));
  imp
    .command("un")
    .description("UN Security Council consolidated list (XML)")
    .argument("<consolidated.xml>", "the list file")
    .option("--dataset <name>", "dataset to load into", DEFAULT_DATASET.un!)
    .action(run("un"));
  imp
    .command("ftm")
    .description("FollowTheMoney entities (JSON lines)")
    .argument("<file.jsonl>", "the entities file")
    .requiredOption("--dataset <name>", "dataset to load into")
    .action(run("ftm"));
}

/**
 * `dossier export ftm [--dataset NAME] [--out FILE]`: FollowTheMoney entity JSON lines on
 * stdout or into a file. Thin: the mapping is in io/ftm-export.ts, the walk in
 * services/export.ts.
 */
import type { Command } from "commander";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { DossierError } from "../../errors/index.ts";
import { withDossier } from "../../services/dossier.ts";
import { exportFtm } from "../../services/export.ts";
import { note, printJson } from "../output.ts";

interface Globals {
  home?: string;
  json?: boolean;
  actor?: string;
  dataset?: string[];
  out?: string;
}

/** Thrown to stop exporting when the reader went away (`dossier export ftm | head`). */
class ReaderGone extends Error {}

function lineWriter(stream: NodeJS.WritableStream): (line: string) => Promise<void> {
  let gone = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") gone = true;
    else throw e;
  });
  return async (line) => {
    if (gone) throw new ReaderGone();
    if (!stream.write(line + "\n")) await new Promise((r) => {
        stream.once("drain", r);
        stream.once("error", r);
      });
    if (gone) throw new ReaderGone();
  };
}

export function register(program: Command): void {
  const exp = program.command("export").description("write datasets out in an exchange format");
  exp
    .command("ftm")
    .description("FollowTheMoney entity JSON lines (entities, and claims as Sanction, Membership, Directorship…)")
    .option("--dataset <name...>", "dataset(s) to export (default: every public dataset)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>();
      // With --json, stdout carries only the summary, so the lines need a file.
      if (g.json && !g.out) throw new DossierError("USAGE", "--json needs --out FILE: stdout carries only the JSON summary");
      let file: WriteStream | null = null;
      if (g.out) {
        file = createWriteStream(g.out, { flags: "w" });
        await once(file, "open").catch((e: Error) => {
          throw new DossierError("BAD_INPUT", `cannot write: ${e.message}`, { file: g.out });
        });
      }
      const out = file ?? process.stdout;
      const write = lineWriter(out);
      let summary;
      try {
        summary = await withDossier({ home: g.home, actor: g.actor }, (d) => exportFtm(d.store, { dataset: g.dataset, write }));
      } catch (e) {
        if (e instanceof ReaderGone) return;
        throw e;
      }
      if (file) {
        file.end();
        await once(file, "finish");
      }
      if (g.json) printJson({ ...summary, out: g.out });
      else note(`exported ${summary.entities} entities and ${summary.intervals} relations (${summary.lines} lines) from ${summary.datasets.join(", ") || "no dataset"}${g.out ? ` to ${g.out}` : ""}`);
    });
}

/**
 * `dossier extract FILE`: proposes cited claims from one document and prints them;
 * stores nothing. Metadata comes from NAME.meta.json beside the file, overridden by flags.
 */
import type { Command } from "commander";
import { parseNumber } from "../options.ts";
import { emit, table } from "../output.ts";
import { extractFile } from "../../services/extract.ts";

export function register(program: Command): void {
  program
    .command("extract")
    .description("propose cited claims from a document (stores nothing)")
    .argument("<file>", "document to read")
    .option("--published <date>", "published date (YYYY, YYYY-MM or YYYY-MM-DD); relative dates resolve against it")
    .option("--title <title>", "document title")
    .option("--min-confidence <x>", "drop claims below this confidence (0..1)")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { published?: string; title?: string; minConfidence?: string; json?: boolean };
      const min = o.minConfidence === undefined ? undefined : parseNumber(o.minConfidence, "--min-confidence", 0, 1);
      const { text: _text, ...out } = await extractFile(file, { published: o.published, title: o.title, minConfidence: min });
      emit({ json: o.json }, out, () =>
        table(
          ["predicate", "subject", "object", "qualifiers", "conf"],
          out.claims.map((c) => [c.predicate, c.subject.name, c.object.name, JSON.stringify(c.qualifiers), c.confidence.toFixed(2)]),
        ) + `\n${out.claims.length} proposed claims, ${out.entities.length} entities`,
      );
    });
}

/** `dossier sources`: the archived documents, as a table or JSON. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { emit, table } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("sources")
    .description("list archived sources")
    .option("--format <format>", "only this format (text, html, pdf, docx…)")
    .option("--limit <n>", "at most this many")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { format?: string; limit?: string };
      const limit = o.limit ? parseNumber(o.limit, "--limit", 1) : undefined;
      const sources = await withDossier(o, (d) => d.store.listSources({ format: o.format, limit }));
      emit(o, { sources }, () =>
        sources.length === 0
          ? "No sources archived yet. Try: dossier ingest ../shared/corpus"
          : table(
              ["id", "format", "published", "lang", "size", "title"],
              sources.map((s) => [s.id.slice(0, 19) + "…", s.format + (s.needsOcr ? " (OCR)" : ""), s.published, s.language, s.size, s.title ?? s.filename]),
            ),
      );
    });
}

/** `dossier search-text QUERY`: full-text search over archived texts, with snippets and offsets. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { emit } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("search-text")
    .description("full-text search over archived sources")
    .argument("<query...>", "words; quote a phrase to keep its words together")
    .option("--limit <n>", "at most this many hits", "20")
    .action(async (words: string[], _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { limit: string };
      const query = words.join(" ");
      const hits = await withDossier(o, async (d) => {
        const found = await d.store.searchText(query, { limit: parseNumber(o.limit, "--limit", 1) });
        const sources = await Promise.all(found.map((h) => d.store.getSource(h.sourceId)));
        return found.map((h, i) => ({ ...h, title: sources[i]?.title ?? sources[i]?.filename ?? null }));
      });
      emit(o, { query, hits }, () =>
        hits.length === 0
          ? `No archived text matches "${query}".`
          : hits.map((h) => `${h.sourceId.slice(0, 19)}… @${h.start}-${h.end}  ${h.title ?? ""}\n  ${h.snippet.replace(/\s+/g, " ")}`).join("\n"),
      );
    });
}

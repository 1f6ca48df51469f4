/** `dossier source ID`: one source's metadata, a text excerpt and its custody entries. */
import type { Command } from "commander";
import { withDossier } from "../../services/dossier.ts";
import { resolveSource } from "../../services/sources.ts";
import { emit } from "../output.ts";
import { globals, parseNumber } from "../options.ts";

export function register(program: Command): void {
  program
    .command("source")
    .description("show one archived source: metadata, text excerpt, custody")
    .argument("<id>", "sha256:… or a unique prefix of its hex digits")
    .option("--excerpt <chars>", "how much of the text to show", "600")
    .option("--text", "print the whole extracted text")
    .action(async (ref: string, _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & { excerpt: string; text?: boolean };
      const n = parseNumber(o.excerpt, "--excerpt", 0);
      const { source, texts, custody } = await withDossier(o, async (d) => {
        const source = await resolveSource(d.store, ref);
        return { source, texts: await d.store.listSourceTexts(source.id), custody: await d.store.listCustody({ sourceId: source.id }) };
      });
      const main = texts.find((t) => t.kind === "text");
      const body = main?.text ?? "";
      emit(
        o,
        {
          source,
          texts: texts.map((t) => ({ kind: t.kind, sha256: t.sha256, length: t.text.length, ...(o.text ? { text: t.text } : { excerpt: t.text.slice(0, n) }) })),
          custody,
        },
        () => {
          if (o.text) return body;
          const fields: [string, unknown][] = [
            ["id", source.id], ["title", source.title], ["publisher", source.publisher], ["author", source.author],
            ["published", source.published], ["url", source.url], ["language", source.language], ["grade", source.grade],
            ["format", `${source.format} (${source.mediaType}${source.encoding ? ", " + source.encoding : ""})`],
            ["size", `${source.size} bytes`], ["text", `${source.textLength} characters, sha256:${source.textSha256}`],
            ["needs OCR", source.needsOcr ? "yes" : null], ["fetched", source.fetch ? `${source.fetch.finalUrl} (HTTP ${source.fetch.status}, ${source.fetch.fetchedAt})` : null],
          ];
          const head = fields.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k.padEnd(10)} ${v}`);
          const excerpt = body.slice(0, n) + (body.length > n ? "…" : "");
          const chain = custody.map((e) => `  #${e.seq} ${e.at} ${e.action} by ${e.actor}  ${e.hash.slice(0, 16)}…`);
          return [...head, "", excerpt, "", "custody:", ...chain].join("\n");
        },
      );
    });
}

/** `dossier ingest FILE|FOLDER|URL…`: archive documents and propose the claims they hold. */
import type { Command } from "commander";
import { exitCodeFor } from "../../errors/index.ts";
import { withDossier } from "../../services/dossier.ts";
import { DEFAULT_MAX_BYTES, ingest, type IngestResult } from "../../services/ingest.ts";
import { emit, note } from "../output.ts";
import { globals, parseNumber, parseSize } from "../options.ts";
import { progress } from "../progress.ts";
import { loadExtractor } from "../../services/ingest-extractor.ts";

export function register(program: Command): void {
  program
    .command("ingest")
    .description("archive documents (files, folders or URLs), record custody, and store the claims they propose")
    .argument("<targets...>", "files, folders or http(s) URLs")
    .option("--title <title>", "title of the document")
    .option("--publisher <name>", "who published it")
    .option("--author <name>", "who wrote it")
    .option("--url <url>", "where it was published")
    .option("--published <edtf>", "publication date, EDTF (2022, 2022-08, 2022-08-04)")
    .option("--language <code>", "language code (en, my, ru…); detected when absent")
    .option("--grade <A-F>", "source reliability, Admiralty scale")
    .option("--kind <kind>", "what kind of document (report, article, propaganda, FOI release…)")
    .option("--max-size <size>", "refuse documents larger than this", String(DEFAULT_MAX_BYTES))
    .option("--no-extract", "archive only; do not propose claims")
    .option("--dataset <name>", "dataset the proposed claims go into", "workspace")
    .option("--min-confidence <x>", "drop proposed claims less confident than this (0–1)")
    .option("--threads <n>", "text-extraction threads besides the main one (0: none); default one per spare core from 1,000 documents, or $DOSSIER_THREADS")
    .action(async (targets: string[], _o, cmd: Command) => {
      const o = globals(cmd) as ReturnType<typeof globals> & Record<string, string | boolean | undefined>;
      const metadata = Object.fromEntries(
        ["title", "publisher", "author", "url", "published", "language", "grade", "kind"].filter((k) => typeof o[k] === "string").map((k) => [k, o[k]]),
      );
      const bar = progress(o, "ingesting");
      const results = await withDossier(o, async (d) => {
        const minConfidence = o.minConfidence ? parseNumber(String(o.minConfidence), "--min-confidence", 0, 1) : undefined;
        const extractor = o.extract === false ? undefined : await loadExtractor(d, { dataset: String(o.dataset), minConfidence });
        return ingest(d, targets, {
          metadata,
          maxBytes: parseSize(String(o.maxSize)),
          extractor,
          ...(o.threads !== undefined ? { threads: parseNumber(String(o.threads), "--threads", 0, 64) } : {}),
          onProgress: (done, total, r) => bar.update(done, total, r.target),
        });
      });
      bar.stop();
      report(o, results);
    });
}

function report(o: { json?: boolean }, results: IngestResult[]): void {
  const failed = results.filter((r) => r.status === "failed");
  for (const r of failed) note(`dossier: ${r.error?.message}`);
  emit(
    o,
    results.map((r) =>
      r.status === "failed"
        ? { target: r.target, status: r.status, error: r.error?.toJSON() }
        : {
            target: r.target,
            status: r.status,
            ...((r.extraction?.output as object) ?? {
              source: { id: r.source?.id, title: r.source?.title ?? null, published: r.source?.published ?? null, language: r.source?.language ?? null },
              entities: [],
              claims: [],
            }),
          },
    ),
    () => {
      const lines = results
        .filter((r) => r.status !== "failed")
        .map((r) => {
          const claims = r.extraction ? `, ${r.extraction.claims.length} proposed claims` : "";
          const ocr = r.source?.needsOcr ? " (no text layer: needs OCR)" : "";
          return `${r.status === "ingested" ? "ingested " : "seen again"} ${r.source?.id.slice(0, 19)}…  ${r.target}${claims}${ocr}`;
        });
      const ok = results.length - failed.length;
      lines.push(`${ok} of ${results.length} documents archived${failed.length ? `, ${failed.length} failed` : ""}.`);
      return lines.join("\n");
    },
  );
  if (failed.length) {
    // All failed: the first failure's own code; some failed: a partial success.
    const code = failed.length === results.length ? failed[0].error!.exitCode : exitCodeFor("PARTIAL");
    process.exitCode = code;
  }
}

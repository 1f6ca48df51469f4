/**
 * Ingest throughput: a folder of a few hundred documents built from the corpus (plain
 * text and HTML), archived by Dossier, against `sha256sum` + `cp` of the same files in
 * the same run. Target: at least a third of that baseline's speed for text and HTML.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDossier } from "../src/services/dossier.ts";
import { ingest } from "../src/services/ingest.ts";

const CORPUS = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** n documents: each a corpus text (numbered, so no two are the same bytes), alternately as .txt and as an article page. */
function buildFolder(n: number): { dir: string; bytes: number } {
  const texts = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(CORPUS, f), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "dossier-bench-docs-"));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = `Bulletin ${i}\n\n${texts[i % texts.length]}`;
    const html = i % 2 === 1;
    const body = html
      ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bulletin ${i}</title><style>p{margin:0}</style></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article>${text
          .split(/\n\n+/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join("\n")}</article><footer>© publisher</footer><script>window.x=1</script></body></html>`
      : text;
    const file = join(dir, `doc-${String(i).padStart(4, "0")}.${html ? "html" : "txt"}`);
    writeFileSync(file, body);
    bytes += statSync(file).size;
  }
  return { dir, bytes };
}

function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e9];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e9];
}

export interface IngestFigures {
  files: number;
  megabytes: number;
  dossierSeconds: number;
  baselineSeconds: number;
  dossierMBps: number;
  dossierFilesPerSecond: number;
  baselineMBps: number;
  baselineFilesPerSecond: number;
  ratio: number;
}

export async function benchIngest(n = 300): Promise<IngestFigures> {
  const { dir, bytes } = buildFolder(n);
  const files = readdirSync(dir).map((f) => join(dir, f));
  const dest = mkdtempSync(join(tmpdir(), "dossier-bench-cp-"));
  const home = mkdtempSync(join(tmpdir(), "dossier-bench-home-"));
  try {
    // Baseline: hash every file and copy it into an archive folder, as a shell user would.
    const [, baselineSeconds] = time(() => {
      execFileSync("sha256sum", files, { stdio: "ignore", maxBuffer: 1 << 26 });
      mkdirSync(join(dest, "copy"));
      execFileSync("cp", [...files, join(dest, "copy")], { stdio: "ignore" });
    });
    const d = await openDossier({ home, actor: "bench" });
    const [results, dossierSeconds] = await timeAsync(() => ingest(d, [dir]));
    await d.close();
    const failed = results.filter((r) => r.status !== "ingested");
    if (failed.length) throw new Error(`bench ingest failed on ${failed.length} files: ${failed[0].error?.message}`);
    const mb = bytes / 1e6;
    return {
      files: n,
      megabytes: mb,
      dossierSeconds,
      baselineSeconds,
      dossierMBps: mb / dossierSeconds,
      dossierFilesPerSecond: n / dossierSeconds,
      baselineMBps: mb / baselineSeconds,
      baselineFilesPerSecond: n / baselineSeconds,
      ratio: baselineSeconds / dossierSeconds,
    };
  } finally {
    for (const p of [dir, dest, home]) rmSync(p, { recursive: true, force: true });
  }
}

export function ingestMarkdown(f: IngestFigures): string {
  const r = (x: number) => x.toFixed(2);
  return `| archiver | seconds | MB/s | files/s |
| --- | ---: | ---: | ---: |
| dossier ingest --no-extract (archive, text extraction, SQLite + FTS, custody) | ${r(f.dossierSeconds)} | ${r(f.dossierMBps)} | ${r(f.dossierFilesPerSecond)} |
| sha256sum + cp (baseline) | ${r(f.baselineSeconds)} | ${r(f.baselineMBps)} | ${r(f.baselineFilesPerSecond)} |

${f.files} documents (half plain text, half HTML pages), ${r(f.megabytes)} MB. Dossier runs at **${r(f.ratio)}×** the baseline's speed (target ≥ 0.33×).`;
}

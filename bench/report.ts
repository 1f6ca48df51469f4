/**
 * BENCHMARKS.md is made of named sections, each rewritten by the benchmark or evaluation
 * that owns it, so running one never erases another's figures.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

export const BENCHMARKS_FILE = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));

const HEADER = `# Benchmarks

Figures are rewritten by the commands named in each section; every section says the
command and the machine it ran on. Peers (sha256sum + cp, Fuse.js) run in the same process
run on the same data, and the ratio is reported.
`;

export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

export function writeSection(name: string, body: string): void {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  let doc = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, "utf8") : HEADER;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : doc.trimEnd() + "\n\n" + block + "\n";
  writeFileSync(BENCHMARKS_FILE, doc);
}

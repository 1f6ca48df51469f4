// Curating helper for built-in datasets: finds an exact phrase in a corpus document and
// prints the citation a claim file needs (source id, UTF-16 span, SHA-256 of the quoted
// slice), so curators never count offsets by hand. Fails when the phrase is absent or occurs
// more than once, because an ambiguous phrase would silently cite the wrong place.
//
//   node --import tsx scripts/cite.ts <corpus-file> "<exact phrase>" [--corpus DIR]
//
// <corpus-file> is a path, or a file name looked up in DIR (default ../shared/corpus).
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256Hex } from "../src/model/canonical.ts";

export interface CitationSpan {
  /** `sha256:` + hex of the document's raw bytes. */
  source: string;
  start: number;
  end: number;
  /** Hex SHA-256 of the UTF-8 bytes of text.slice(start, end). */
  sha256: string;
}

export const DEFAULT_CORPUS = "../shared/corpus";

/** Where `phrase` occurs exactly once in `text`; throws when it is absent or repeated. */
export function locate(text: string, phrase: string): { start: number; end: number } {
  if (phrase.length === 0) throw new Error("empty phrase");
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not found: ${JSON.stringify(phrase)}`);
  const again = text.indexOf(phrase, start + 1);
  if (again >= 0) throw new Error(`phrase is ambiguous (at ${start} and ${again}): ${JSON.stringify(phrase)}`);
  return { start, end: start + phrase.length };
}

export function resolveCorpusFile(file: string, corpusDir = DEFAULT_CORPUS): string {
  if (existsSync(file)) return file;
  const inCorpus = join(corpusDir, basename(file));
  if (existsSync(inCorpus)) return inCorpus;
  throw new Error(`no such corpus file: ${file} (looked in ${resolve(corpusDir)})`);
}

/** The citation of the one place `phrase` occurs in the document at `path`. */
export function cite(path: string, phrase: string): CitationSpan {
  const bytes = readFileSync(path);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  const { start, end } = locate(text, phrase);
  return { source: `sha256:${sha256Hex(bytes)}`, start, end, sha256: sha256Hex(text.slice(start, end)) };
}

export function citationYaml(c: CitationSpan): string {
  return [`- source: "${c.source}"`, `  start: ${c.start}`, `  end: ${c.end}`, `  sha256: ${c.sha256}`].join("\n");
}

function main(argv: string[]): number {
  const args = [...argv];
  let corpus = DEFAULT_CORPUS;
  const at = args.indexOf("--corpus");
  if (at >= 0) {
    corpus = args[at + 1] ?? corpus;
    args.splice(at, 2);
  }
  if (args.length !== 2) {
    process.stderr.write('usage: node --import tsx scripts/cite.ts <corpus-file> "<exact phrase>" [--corpus DIR]\n');
    return 2;
  }
  try {
    const path = resolveCorpusFile(args[0], corpus);
    process.stdout.write(`# ${basename(path)}\n${citationYaml(cite(path, args[1]))}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`cite: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

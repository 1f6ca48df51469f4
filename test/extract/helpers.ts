// Shared setup for the extraction tests: the project's real predicates, gazetteer and
// word lists (the pipeline itself is pure; these are read once here).
import { loadGazetteerFiles, loadLexicon, loadPredicates } from "../../src/services/extract.ts";
import { createExtractor, type Extractor } from "../../src/extract/pipeline.ts";
import type { ExtractedClaim, ExtractResult, GazetteerEntry } from "../../src/extract/types.ts";

let cached: Promise<Extractor> | null = null;

/** An extractor with the generic gazetteer only (no built-in dataset), so tests show generalisation. */
export function genericExtractor(extra: GazetteerEntry[] = []): Promise<Extractor> {
  if (extra.length) return loadPredicates().then((p) => createExtractor(p, [...extra, ...loadGazetteerFiles()], loadLexicon()));
  cached ??= loadPredicates().then((p) => createExtractor(p, loadGazetteerFiles(), loadLexicon()));
  return cached;
}

export async function run(text: string, published = "2023-06-01", minConfidence?: number): Promise<ExtractResult> {
  return (await genericExtractor()).run(text, "sha256:test", published, minConfidence);
}

/** Claims as "predicate subject -> object" lines, for readable assertions. */
export function triples(claims: ExtractedClaim[]): string[] {
  return claims.map((c) => `${c.predicate} ${c.subject.id} -> ${c.object.id}`).sort();
}

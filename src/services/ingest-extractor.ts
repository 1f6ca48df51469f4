/**
 * Connects ingest to the claim extractor. (Wired to src/extract once the pipeline lands.)
 */
import type { Dossier } from "./dossier.ts";
import type { Extractor } from "./ingest.ts";

export async function loadExtractor(_d: Dossier): Promise<Extractor | undefined> {
  return undefined;
}

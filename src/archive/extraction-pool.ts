/**
 * Where document text extraction runs. Parsing HTML, PDF and DOCX and guessing a language
 * is CPU work that does not touch the database, so a large ingest spreads it over worker
 * threads (piscina) while the main thread records documents; a small one runs it inline,
 * because a worker costs more to start (loading its parsers) than a few documents take.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { DossierError } from "../errors/index.ts";
import { extractDocument } from "./formats/index.ts";
import type { ExtractedDocument, ExtractHint, ExtractLimits } from "./formats/index.ts";
import type { ExtractionReply, ExtractionTask } from "./extraction-worker.ts";

export interface DocumentExtractor {
  extract(bytes: Uint8Array, hint: ExtractHint, limits: ExtractLimits): Promise<ExtractedDocument>;
  /** Threads doing the work besides the main one (0 when inline). */
  readonly threads: number;
  close(): Promise<void>;
}

/**
 * Below this many documents a pool's start-up is not repaid: each thread loads the parsers
 * and the TypeScript loader anew (0.5 to 1 s). Measured with `npm run bench -- ingest`:
 * on 300 articles the pool lost, on 2,000 it won (BENCHMARKS.md).
 */
export const POOL_MIN_DOCUMENTS = 1000;
/** The main thread keeps a core for the database; more threads than this only contend with it. */
const MAX_THREADS = 4;

export function inlineExtractor(): DocumentExtractor {
  return { extract: extractDocument, threads: 0, close: async () => {} };
}

export function pooledExtractor(threads: number): DocumentExtractor {
  const pool = new Piscina<ExtractionTask, ExtractionReply>({
    filename: fileURLToPath(new URL("./extraction-worker.mjs", import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    // The entry registers its own TypeScript loader; inherited flags (--import tsx) would load it twice.
    execArgv: [],
  });
  return {
    threads,
    async extract(bytes, hint, limits) {
      const reply = await pool.run({ bytes, hint, limits });
      if (!reply.ok) throw new DossierError(reply.error.code, reply.error.detail, reply.error.context);
      return reply.doc;
    },
    close: () => pool.destroy(),
  };
}

/**
 * The extractor for a run of `documents` documents. `threads` overrides the choice (0 =
 * inline), as does DOSSIER_THREADS; by default one thread per core but the main thread's,
 * at least one and at most four, once the run is large enough to repay starting them.
 */
export function extractorFor(documents: number, threads?: number): DocumentExtractor {
  const fromEnv = process.env.DOSSIER_THREADS;
  let n = threads ?? (fromEnv !== undefined && fromEnv !== "" ? Number(fromEnv) : undefined);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
    throw new DossierError("USAGE", `must be a whole number ≥ 0, got ${threads ?? fromEnv}`, { field: threads !== undefined ? "threads" : "DOSSIER_THREADS" });
  }
  n ??= documents >= POOL_MIN_DOCUMENTS ? Math.max(1, Math.min(availableParallelism() - 1, MAX_THREADS)) : 0;
  return n > 0 ? pooledExtractor(n) : inlineExtractor();
}

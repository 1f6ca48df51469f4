/**
 * Extraction speed: the pure pipeline over the shared corpus concatenated 30 times
 * (~1.4 MB of English), on one core. Exports a function returning the figures so the
 * lead's `npm run bench` can collect them; runs alone with `node --import tsx bench/extract.ts`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadExtractor } from "../src/services/extract.ts";

const CORPUS = new URL("../../shared/corpus/", import.meta.url).pathname;

export async function benchExtract(copies = 30): Promise<{ name: string; bytes: number; seconds: number; mbPerSecond: number; claims: number; entities: number }> {
  const one = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), "utf8"))
    .join("\n\n");
  const text = Array.from({ length: copies }, () => one).join("\n\n");
  const extractor = await loadExtractor();
  extractor.run(one, "sha256:warmup", "2022-08-04"); // compile regexes, warm the JIT
  const t0 = process.hrtime.bigint();
  const r = extractor.run(text, "sha256:bench", "2022-08-04");
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const bytes = Buffer.byteLength(text, "utf8");
  return { name: "extract", bytes, seconds: Math.round(seconds * 1000) / 1000, mbPerSecond: Math.round((bytes / 1e6 / seconds) * 100) / 100, claims: r.claims.length, entities: r.entities.length };
}

if (process.argv[1]?.endsWith("bench/extract.ts")) console.log(JSON.stringify(await benchExtract()));

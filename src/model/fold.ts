/**
 * Folding for exact-name lookup: case, accents, punctuation and spacing do not matter,
 * any script is kept. (Fuzzy matching is the names layer's job; this is for "is there an
 * entity called exactly this?")
 */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’'`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

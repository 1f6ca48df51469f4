// Guesses a document's language from its text with franc-min (trigram statistics) and
// reports it as ISO 639-1 where such a code exists, else as the ISO 639-3 franc gives.
// Myanmar script is decided by script alone: franc's trigrams do not cover Zawgyi.
import { francAll } from "franc-min";
import iso639 from "./iso639.json" with { type: "json" };
import { countMyanmar } from "./burmese.ts";

/**
 * franc reads at most 2048 characters itself, and its cost grows with the sample (about
 * 1.8 ms at 2048, 0.7 ms at 1024 per call); a kilobyte of prose is plenty to tell the
 * language, and detection runs on every ingested file.
 */
const SAMPLE_CHARS = 1024;
/** Below this many letters a trigram guess is noise. */
const MIN_LETTERS = 40;
const MIN_MYANMAR = 10;
/**
 * On short samples franc's runner-up is often within a hair of its winner (English vs
 * French on a sentence or two); then the honest answer is "undetermined".
 */
const SHORT_SAMPLE_LETTERS = 500;
const AMBIGUOUS_RATIO = 0.98;

const TO_639_1 = iso639 as Record<string, string>;

export function toIso6391(code: string): string {
  return TO_639_1[code] ?? code;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  // Script alone identifies Burmese, so a short Burmese text needs fewer characters.
  const myanmar = countMyanmar(sample);
  if (myanmar >= MIN_MYANMAR && myanmar > (sample.match(/[\p{L}\p{M}]/gu)?.length ?? 0) / 2) return "my";
  if (letters < MIN_LETTERS) return null;
  const ranked = francAll(sample, { minLength: MIN_LETTERS });
  const [best, second] = ranked;
  if (!best || best[0] === "und") return null;
  if (letters < SHORT_SAMPLE_LETTERS && second && second[1] >= AMBIGUOUS_RATIO * best[1]) return null;
  return toIso6391(best[0]);
}

/** A language tag from the document itself (`en-US`, `fr_FR`, `EN`) reduced to its primary subtag. */
export function normaliseLanguageTag(tag: string | null | undefined): string | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_]|$)/.exec(tag ?? "");
  return m ? m[1].toLowerCase() : undefined;
}

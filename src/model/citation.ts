/**
 * The citation rule: a citation is sound when its span lies inside the source's text and
 * the SHA-256 of the slice equals the hash recorded when it was made. Used wherever a
 * quote is shown, a dataset is loaded, or the archive is verified.
 */
import { sha256Hex } from "./canonical.ts";
import type { Citation } from "./types.ts";

export type SpanCheck = { ok: true; quote: string } | { ok: false; reason: string };

export function verifySpan(text: string | null, c: Pick<Citation, "start" | "end" | "quoteSha256">): SpanCheck {
  if (text === null) return { ok: false, reason: "the source has no extracted text" };
  if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end <= c.start) {
    return { ok: false, reason: `span ${c.start}–${c.end} is not a valid range` };
  }
  if (c.end > text.length) return { ok: false, reason: `span ${c.start}–${c.end} runs past the end of the text (${text.length})` };
  const quote = text.slice(c.start, c.end);
  if (sha256Hex(quote) !== c.quoteSha256) return { ok: false, reason: "the quoted text does not match the citation's hash" };
  return { ok: true, quote };
}

/**
 * Sentences and word tokens with UTF-16 offsets into the original text, so every span
 * the pipeline produces indexes the text exactly. Intl.Segmenter finds sentence breaks;
 * breaks after abbreviations ("Lt. Gen.", "U.S.", "Jan.") and initials are undone.
 */
import type { Span } from "./types.ts";

export interface Token extends Span {
  text: string;
  /** Lowercased, curly apostrophes straightened, for lookups. */
  key: string;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function normKey(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * "Vladivostok-based", "Hong Kong-registered", "Russian-made": a name joined to a participle
 * is an adjective saying where or whose something is; the name is a word of its own.
 */
const NAME_MODIFIER = /^(\p{Lu}[\p{L}\p{N}.'’\-]*)-(made|built|supplied|backed|based|led|owned|origin|manufactured|produced|sponsored|funded|registered|flagged|headquartered|controlled|linked|affiliated|run|operated|listed|incorporated|allied|aligned|brokered|financed|trained|armed)$/u;

/** Word and punctuation tokens; a possessive 's is its own token, and so is a name before "-based" and the like. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < end) {
    const s = m[0];
    const start = m.index;
    const poss = s.length > 2 && /['’]s$/i.test(s) && /\p{L}/u.test(s[0]);
    const modified = s.includes("-") ? NAME_MODIFIER.exec(s) : null;
    if (modified) {
      const [, name, tail] = modified;
      const dash = start + name.length;
      out.push({ start, end: dash, text: name, key: normKey(name) });
      out.push({ start: dash, end: dash + 1, text: "-", key: "-" });
      out.push({ start: dash + 1, end: dash + 1 + tail.length, text: tail, key: normKey(tail) });
    } else if (poss) {
      const w = s.slice(0, -2);
      out.push({ start, end: start + w.length, text: w, key: normKey(w) });
      out.push({ start: start + w.length, end: start + s.length, text: s.slice(-2), key: "'s" });
    } else out.push({ start, end: start + s.length, text: s, key: normKey(s) });
  }
  return out;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Sentence spans, trimmed of surrounding white space; a line break always ends one. */
export function sentences(text: string, abbreviations: Iterable<string>): Span[] {
  const abbr = new Set(abbreviations);
  const out: Span[] = [];
  const lineRe = /[^\n]+/g;
  let line: RegExpExecArray | null;
  while ((line = lineRe.exec(text))) {
    const base = line.index;
    let pending: Span | null = null;
    for (const seg of segmenter.segment(line[0])) {
      const start = base + seg.index;
      const end = start + seg.segment.length;
      if (pending && !endsWithAbbreviation(text, pending, abbr)) {
        push(out, text, pending);
        pending = null;
      }
      pending = pending ? { start: pending.start, end } : { start, end };
    }
    if (pending) push(out, text, pending);
  }
  return out;
}

function endsWithAbbreviation(text: string, s: Span, abbr: Set<string>): boolean {
  const tail = text.slice(Math.max(s.start, s.end - 24), s.end).trimEnd();
  if (!tail.endsWith(".")) return false;
  const m = /([\p{L}.]+)\.$/u.exec(tail);
  if (!m) return false;
  const word = m[1];
  if (abbr.has(word)) return true;
  // An initial ("J. Smith") or dotted acronym ("U.S.") unless the next word starts a new sentence clearly.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    const next = text.slice(s.end, s.end + 20).trimStart();
    return /^\p{Lu}\p{Ll}/u.test(next) ? /^\p{Lu}$/u.test(word) : true;
  }
  return false;
}

function push(out: Span[], text: string, s: Span): void {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

export function slug(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

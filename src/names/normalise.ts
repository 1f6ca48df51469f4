/**
 * Name normalisation: turns a name as written (any script, any order, with ranks and
 * honorifics) into comparable tokens. Rules, in order: Unicode NFKC; "FAMILY, Given" order;
 * Burmese-script names kept in Myanmar script (romanising them is unreliable); other scripts
 * transliterated to Latin (Han, Hangul and Kana one syllable per token); diacritics removed
 * and case folded; punctuation dropped (hyphens and dots split, apostrophes join); leading
 * titles, ranks and honorifics removed, repeatedly; each token given a phonetic key, and a
 * Hangul syllable its customary Latin spellings (korean.ts).
 */
import anyAscii from "any-ascii";
import { isHangulSyllable, syllableSpellings, type KoreanModel } from "./korean.ts";
import type { NameModel } from "./model.ts";

export type TokenKind = "name" | "particle" | "patronymic" | "legal" | "initial";

export interface NameToken {
  /** Normalised text (lowercase ASCII, or Myanmar script). */
  text: string;
  /** Phonetic key: variant spellings share it. */
  key: string;
  /** Consonant skeleton, set for tokens from scripts that omit vowels (Arabic, Hebrew, Thai). */
  skeleton: string | null;
  kind: TokenKind;
  /**
   * A Hangul syllable's Latin spellings other than its text (김 "gim": kim, ...), null for any
   * other token. Against a token without them, the closest spelling counts (similarity.ts).
   */
  spellings: NameToken[] | null;
}

export interface NormalisedName {
  input: string;
  tokens: NameToken[];
  /** "myanmar" when the tokens are Myanmar script; "latin" otherwise (after transliteration). */
  script: "latin" | "myanmar";
  /** Scripts seen in the input (Unicode script names). */
  scripts: string[];
  /** For Myanmar-script names, a romanised fallback for comparing with Latin names. */
  latinFallback: NameToken[] | null;
  /**
   * The name read with its leading honorifics kept, when one of them is also a name
   * elsewhere ("Ma Xiaotian", "Bo Xilai"), and what that reading removed: compared as
   * well, the better reading counts.
   */
  withHonorifics: { tokens: NameToken[]; removed: { text: string; group: string }[] } | null;
  /** What normalisation did, for explanations. */
  removed: { text: string; group: string }[];
  reordered: boolean;
}

const SCRIPT_TESTS: [string, RegExp][] = [
  ["Myanmar", /\p{Script=Myanmar}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Latin", /\p{Script=Latin}/u],
];
/** Scripts that usually leave short vowels unwritten: compare their consonant skeletons. */
const ABJAD = new Set(["Arabic", "Hebrew", "Thai"]);
const SYLLABIC = /([\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const MYANMAR_CHARS = /[\p{Script=Myanmar}]+/gu;
const HANGUL_SYLLABLE = /([\uac00-\ud7a3])/;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

export function detectScripts(s: string): string[] {
  if (ASCII_ONLY.test(s)) return /[a-zA-Z]/.test(s) ? ["Latin"] : [];
  return SCRIPT_TESTS.filter(([, re]) => re.test(s)).map(([n]) => n);
}

/** True when the string contains Burmese (Myanmar) script. */
export function isMyanmarScript(s: string): boolean {
  return /\p{Script=Myanmar}/u.test(s);
}

/**
 * Splits text into normalised Latin tokens: NFKC, syllable-per-token for Han/Hangul/Kana,
 * transliteration, diacritics and case folded, punctuation dropped.
 */
export function latinTokens(s: string): string[] {
  let t = s;
  if (!ASCII_ONLY.test(t)) {
    t = t.normalize("NFKC").replace(new RegExp(SYLLABIC.source, "gu"), " $1 ");
    t = anyAscii(t);
  }
  t = t.toLowerCase().replace(/['`’‘ʼ]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  return t ? t.split(" ") : [];
}

/**
 * latinTokens, noting in `syllables` for each token the Hangul syllable it transliterates (""
 * for none): a syllable is always one token of its own.
 */
function latinTokensOfSyllables(s: string, syllables: string[]): string[] {
  const out: string[] = [];
  for (const part of s.normalize("NFKC").split(HANGUL_SYLLABLE)) {
    if (isHangulSyllable(part)) {
      // What latinTokens makes of a syllable: its transliteration is letters only.
      out.push(anyAscii(part).toLowerCase());
      syllables.push(part);
    } else if (part) {
      for (const t of latinTokens(part)) {
        out.push(t);
        syllables.push("");
      }
    }
  }
  return out;
}

/** Myanmar-script tokens: NFKC, runs of Myanmar characters, spaces dropped (Burmese names are often written unspaced). */
function myanmarTokens(s: string): string[] {
  return (s.normalize("NFKC").match(MYANMAR_CHARS) ?? []).filter(Boolean);
}

/** Tokenises a title phrase or a name part the way names are tokenised. */
export function tokeniseForLists(s: string): string[] {
  if (isMyanmarScript(s)) return [myanmarTokens(s).join("")];
  return latinTokens(s);
}

export function phoneticKey(model: NameModel, token: string): string {
  const cached = model.keyCache.get(token);
  if (cached !== undefined) return cached;
  const k = uncachedKey(model, token);
  // Emptied when full rather than frozen, so the memo follows what is being compared now.
  if (model.keyCache.size >= 500_000) model.keyCache.clear();
  model.keyCache.set(token, k);
  return k;
}

/** The phonetic key without the memo, for strings seen once (an index joining each name's adjacent tokens). */
export function uncachedKey(model: NameModel, token: string): string {
  let k = token;
  if (/^[a-z0-9]+$/.test(k)) for (const r of model.rules) if (r.needs === null || k.includes(r.needs)) k = k.replace(r.re, r.to);
  return k || token;
}

const SKELETON_VOWELS = new Set("aeiouyvw");

/** Consonants only (w/v are vowels in Arabic and Hebrew spellings), doubles collapsed. */
export function skeletonOf(key: string): string {
  // A loop rather than two regular expressions: similarity asks for skeletons millions of times.
  let s = "";
  for (let i = 0; i < key.length; i++) if (!SKELETON_VOWELS.has(key[i]) && key[i] !== s[s.length - 1]) s += key[i];
  return s || key;
}

function classify(model: NameModel, text: string): TokenKind {
  if (text.length === 1 && /[a-z]/.test(text)) return "initial";
  if (model.particles.has(text)) return "particle";
  if (model.legalForms.has(text)) return "legal";
  if (text.length > 6) for (const suf of model.patronymicSuffixes) if (text.endsWith(suf) && text.length - suf.length >= 3) return "patronymic";
  return "name";
}

export function makeToken(model: NameModel, text: string, abjad = false): NameToken {
  const myanmar = isMyanmarScript(text);
  const key = myanmar ? text : phoneticKey(model, text);
  return { text, key, skeleton: abjad && !myanmar ? skeletonOf(key) : null, kind: myanmar ? "name" : classify(model, text), spellings: null };
}

// Syllables recur across names: each one's spelling tokens are made once per model.
const spellingMemo = new WeakMap<KoreanModel, Map<string, NameToken[]>>();

/**
 * The token of a Hangul syllable. Always a name: its transliteration may look like an initial
 * (이 "i"), a particle (다 "da") or a legal form (악 "ag"), and so may its spellings.
 */
function syllableToken(model: NameModel, korean: KoreanModel, text: string, syllable: string): NameToken {
  let memo = spellingMemo.get(korean);
  if (!memo) spellingMemo.set(korean, (memo = new Map()));
  let spellings = memo.get(syllable);
  if (!spellings) {
    spellings = [];
    for (const s of syllableSpellings(korean, syllable)) {
      if (s && s !== text) spellings.push({ text: s, key: phoneticKey(model, s), skeleton: null, kind: "name", spellings: null });
    }
    memo.set(syllable, spellings);
  }
  return { text, key: phoneticKey(model, text), skeleton: null, kind: "name", spellings };
}

/**
 * Tokens of texts[from..]; `syllables` (parallel to texts, null when the name has no Hangul)
 * marks the Hangul ones. A loop, not a closure: normalisation runs for every indexed and queried name.
 */
function makeTokens(model: NameModel, texts: string[], abjad: boolean, syllables: string[] | null, from: number): NameToken[] {
  const out: NameToken[] = new Array(texts.length - from);
  for (let i = from; i < texts.length; i++) {
    const syl = syllables !== null && model.korean !== null ? syllables[i] : "";
    out[i - from] = syl ? syllableToken(model, model.korean!, texts[i], syl) : makeToken(model, texts[i], abjad);
  }
  return out;
}

/**
 * Removes leading title phrases, repeatedly, never leaving nothing. `kept` says where the
 * name would start, and how many removals would remain, if the first title that is also a
 * name elsewhere were kept (null when there is none).
 */
function stripTitles(
  model: NameModel,
  tokens: string[],
  removed: { text: string; group: string }[],
): { tokens: string[]; kept: { from: number; removed: number } | null } {
  let start = 0;
  let kept: { from: number; removed: number } | null = null;
  for (;;) {
    const cands = model.titlesByFirst.get(tokens[start]);
    if (!cands) break;
    const hit = cands.find((c) => c.tokens.length < tokens.length - start && c.tokens.every((t, i) => tokens[start + i] === t));
    // A doubled word ("Maung Maung Kyaw", "Ko Ko Gyi") is a name, not an honorific.
    if (!hit || (hit.tokens.length === 1 && tokens[start + 1] === hit.tokens[0])) break;
    if (hit.alsoName && kept === null) kept = { from: start, removed: removed.length };
    removed.push({ text: hit.tokens.join(" "), group: hit.group });
    start += hit.tokens.length;
  }
  return { tokens: start ? tokens.slice(start) : tokens, kept };
}

/** Myanmar-script titles are prefixes of an unspaced string, not separate tokens. */
function stripMyanmarTitles(model: NameModel, s: string, removed: { text: string; group: string }[]): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [first, cands] of model.titlesByFirst) {
      if (!isMyanmarScript(first)) continue;
      const c = cands[0];
      if (out.startsWith(first) && out.length > first.length) {
        removed.push({ text: first, group: c.group });
        out = out.slice(first.length);
        changed = true;
      }
    }
  }
  return out;
}

/** Splits "FAMILY, Given" into its parts when it looks like that form (one comma, both sides non-empty). */
function commaParts(s: string): [string, string] | null {
  const parts = s.split(/[,，،]/);
  if (parts.length !== 2) return null;
  const [family, given] = parts.map((p) => p.trim());
  if (!family || !given) return null;
  return [family, given];
}

export function normaliseName(model: NameModel, input: string): NormalisedName {
  const removed: { text: string; group: string }[] = [];
  const scripts = detectScripts(input);
  const abjad = scripts.some((s) => ABJAD.has(s));
  const parts = commaParts(input);
  const reordered = parts !== null;

  if (scripts.includes("Myanmar")) {
    const ordered = parts ? `${parts[1]} ${parts[0]}` : input;
    const joined = stripMyanmarTitles(model, myanmarTokens(ordered).join(""), removed);
    const latin = stripTitles(model, latinTokens(ordered), []).tokens;
    return {
      input,
      tokens: joined ? [makeToken(model, joined)] : [],
      script: "myanmar",
      scripts,
      latinFallback: latin.map((t) => makeToken(model, t, false)),
      withHonorifics: null,
      removed,
      reordered,
    };
  }

  // In "FAMILY, Given" form a title can only lead the given names ("HLAING, Senior General
  // Min Aung"); the family name keeps a word that is both (Chinese "MA, Xiaotian").
  const given = parts ? parts[1] : input;
  const syllables: string[] | null = model.korean !== null && scripts.includes("Hangul") ? [] : null;
  const all =
    syllables === null
      ? [...latinTokens(given), ...(parts ? latinTokens(parts[0]) : [])]
      : [...latinTokensOfSyllables(given, syllables), ...(parts ? latinTokensOfSyllables(parts[0], syllables) : [])];
  const stripped = stripTitles(model, all, removed);
  const kept = stripped.kept;
  return {
    input,
    tokens: makeTokens(model, all, abjad, syllables, all.length - stripped.tokens.length),
    script: "latin",
    scripts,
    latinFallback: null,
    withHonorifics: kept && { tokens: makeTokens(model, all, abjad, syllables, kept.from), removed: removed.slice(0, kept.removed) },
    removed,
    reordered,
  };
}

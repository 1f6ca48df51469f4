/**
 * Name similarity: aligns the tokens of two normalised names regardless of order, lets one
 * token stand for two joined ones ("Minaung" / "Min Aung"), accepts typos and variant
 * spellings, compares a Hangul syllable through its Latin spelling closest to the other
 * token, weighs rare tokens above common ones and penalises tokens left unmatched.
 * Birth dates and nationalities, when both sides have them, move the score. Every score
 * carries an explanation of each feature.
 */
import { skeletonOf, type NameToken, type NormalisedName } from "./normalise.ts";

/** The one default threshold, used by `compare` and `screen`. */
export const DEFAULT_THRESHOLD = 0.85;

/** How often a token occurs in the indexed names; absent = no frequency information. */
export interface TokenStats {
  /** Number of indexed names. */
  total: number;
  /** Document frequency of a normalised token (0 when unseen). */
  df(tok: NameToken): number;
}

export interface TokenAlignment {
  query: string;
  candidate: string;
  similarity: number;
  /** "spelling": a Hangul syllable spelled as the other token is (김 / Kim). */
  how: "exact" | "variant" | "skeleton" | "typo" | "joined" | "initial" | "spelling";
  weight: number;
}

export interface MatchExplanation {
  tokens: TokenAlignment[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
  /** Share of the total weight carried by the aligned tokens, before penalties. */
  nameScore: number;
  /** Weight of the rarest aligned token relative to a token never seen (1). */
  rareTokenWeight: number;
  /** Weight lost to tokens matched by nothing. */
  unmatchedPenalty: number;
  dob: { query: string[]; candidate: string[]; effect: number; verdict: "same" | "close" | "different" | "unknown" };
  nationality: { query: string[]; candidate: string[]; effect: number; verdict: "same" | "different" | "unknown" };
  script: { query: string; candidate: string; compared: "latin" | "myanmar" | "romanised-myanmar" };
  removed: { query: string[]; candidate: string[] };
  reordered: { query: boolean; candidate: boolean };
}

export interface MatchResult {
  score: number;
  explanation: MatchExplanation;
}

export interface CompareOptions {
  stats?: TokenStats;
  query?: { birthDates?: string[]; nationalities?: string[] };
  candidate?: { birthDates?: string[]; nationalities?: string[] };
}

const KIND_WEIGHT = { name: 1, particle: 0.25, patronymic: 0.3, legal: 0.2, initial: 0.3 } as const;

/**
 * Weight of a token: its kind, scaled down the more common it is among indexed names. A Hangul
 * syllable is as common as the commonest of its spellings (김 as Kim) if that is commoner.
 */
export function tokenWeight(tok: NameToken, stats?: TokenStats): number {
  const base = KIND_WEIGHT[tok.kind];
  if (!stats || stats.total < 50) return base;
  let df = stats.df(tok);
  if (tok.spellings !== null) for (const s of tok.spellings) df = Math.max(df, stats.df(s));
  if (df <= 1) return base;
  const f = Math.log(1 + stats.total / df) / Math.log(1 + stats.total);
  return base * (0.3 + 0.7 * f);
}

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), bounded. */
// Scratch rows reused across calls: distance is computed millions of times per second.
let R0 = new Float64Array(64), R1 = new Float64Array(64), R2 = new Float64Array(64);

/**
 * Vowels that transliterations write for one another (Osama / Usama, Laden / Ladin, Ahmed /
 * Ahmad): in a token of at least CONFUSABLE_MIN_LENGTH letters, one substituted for the other
 * costs half an edit. Shorter tokens are where a vowel tells names apart (Burmese Swe / Swa).
 */
const CONFUSABLE_PAIRS = ["ei", "ou", "ae"];
/** CONFUSABLE[a * 128 + b] is 1 when ASCII letters a and b are confusable (a table: the distance loop asks per cell). */
const CONFUSABLE = new Uint8Array(128 * 128);
for (const [x, y] of CONFUSABLE_PAIRS) {
  CONFUSABLE[x.charCodeAt(0) * 128 + y.charCodeAt(0)] = 1;
  CONFUSABLE[y.charCodeAt(0) * 128 + x.charCodeAt(0)] = 1;
}
export const CONFUSABLE_MIN_LENGTH = 5;
const HALF_EDIT = 0.5;
/** Letter-mask bits (letterMask) of the vowels in CONFUSABLE_PAIRS. */
const CONFUSABLE_BITS = letterMask(CONFUSABLE_PAIRS.join(""));
/** Each confusable vowel mapped to one letter standing for its class, following chains (a~e~i, o~u). */
const VOWEL_CLASS = new Map<string, string>();
for (const [x, y] of CONFUSABLE_PAIRS) {
  const c = VOWEL_CLASS.get(x) ?? VOWEL_CLASS.get(y) ?? x;
  for (const [k, v] of VOWEL_CLASS) if (v === (VOWEL_CLASS.get(y) ?? y)) VOWEL_CLASS.set(k, c);
  VOWEL_CLASS.set(x, c);
  VOWEL_CLASS.set(y, c);
}

/**
 * The text with confusable vowels replaced by their class, for a token long enough to have
 * them at half cost (null otherwise): tokens a few such vowels apart share it.
 */
export function vowelClass(text: string): string | null {
  if (text.length < CONFUSABLE_MIN_LENGTH) return null;
  let out = "";
  for (const ch of text) out += VOWEL_CLASS.get(ch) ?? ch;
  return out;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * bounded, with confusable vowels at half cost in tokens long enough.
 */
export function editDistance(a: string, b: string, max = 4): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  const vowelsHalf = Math.max(la, lb) >= CONFUSABLE_MIN_LENGTH;
  if (lb + 1 > R0.length) [R0, R1, R2] = [new Float64Array(lb + 1), new Float64Array(lb + 1), new Float64Array(lb + 1)];
  let prev2 = R0, prev = R1, cur = R2;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb ? 0 : vowelsHalf && ca < 128 && cb < 128 && CONFUSABLE[ca * 128 + cb] === 1 ? HALF_EDIT : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

/** Edits a token of this length may carry and still be the same name: none for very short ones beyond one. */
export function allowedEdits(len: number): number {
  return len <= 5 ? 1 : len <= 9 ? 2 : 3;
}

export function editSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 0;
  const allowed = allowedEdits(len);
  const d = editDistance(a, b, allowed);
  if (d > allowed) return 0;
  return similarityOfEdits(d, len, isTransposition(a, b));
}

/**
 * Similarity of strings `d` edits apart, the longer of length `len`. Swapped letters are a
 * slip of the keyboard and half an edit a transliteration: those count once; a changed
 * letter may be another name (Putin / Pugin), so other edits count twice (squared).
 * Decreasing in d, so a lower bound of d gives an upper bound of the similarity.
 */
function similarityOfEdits(d: number, len: number, transposition: boolean): number {
  const s = 1 - d / len;
  return d < 1 || transposition ? s : s * s;
}

/** A string's characters as bits (code unit mod 32), for lower bounds of edit distances. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A lower bound of editDistance between strings of these lengths and letter masks: each edit
 * changes the length by at most one, and deals with at most one occurrence of a letter the
 * other string lacks, at a full edit unless it may be a confusable vowel (half an edit).
 */
export function fewestEdits(lenA: number, maskA: number, lenB: number, maskB: number): number {
  const onlyA = maskA & ~maskB, onlyB = maskB & ~maskA;
  if (Math.max(lenA, lenB) < CONFUSABLE_MIN_LENGTH) return Math.max(Math.abs(lenA - lenB), popcount(onlyA), popcount(onlyB));
  return Math.max(Math.abs(lenA - lenB), lettersCost(onlyA), lettersCost(onlyB));
}

/** Fewest edits to remove the letters of `mask` from a string: one each, half for a confusable vowel. */
function lettersCost(mask: number): number {
  return popcount(mask & ~CONFUSABLE_BITS) + HALF_EDIT * popcount(mask & CONFUSABLE_BITS);
}

/**
 * Shapes: what tells, with no edit distance computed, that two tokens cannot be alike. Packed
 * SHAPE ints a token in an Int32Array: flags (INITIAL, ABJAD), then the length and letter mask
 * of its text, then of its key. A joined unit's ABJAD flag is its first token's.
 */
export const SHAPE = 5;
/** SPELLED: a Hangul syllable (or a joined unit holding one), compared through its spellings with tokens that are not. */
export const INITIAL = 1, ABJAD = 2, SPELLED = 4;

export function writeShape(out: Int32Array, at: number, flags: number, text: string, key: string): void {
  out[at] = flags;
  out[at + 1] = text.length;
  out[at + 2] = letterMask(text);
  out[at + 3] = key.length;
  out[at + 4] = letterMask(key);
}

export function tokenFlags(t: NameToken): number {
  return (t.kind === "initial" ? INITIAL : 0) | (t.skeleton !== null ? ABJAD : 0) | (t.spellings !== null ? SPELLED : 0);
}

export function unitFlags(u: Unit): number {
  return (u.abjad ? ABJAD : 0) | (u.spellings !== null ? SPELLED : 0);
}

/**
 * True when tokens of these flags compare by their texts and keys alone: neither an initial nor
 * from an abjad script, and both Hangul syllables or neither (two syllables compare as written).
 */
function asWritten(fa: number, fb: number): boolean {
  return ((fa | fb) & (INITIAL | ABJAD)) === 0 && ((fa ^ fb) & SPELLED) === 0;
}

/** True when a joined unit and a token of these flags compare by their texts and keys alone. */
function joinedAsWritten(fu: number, ft: number): boolean {
  return ((fu | ft) & ABJAD) === 0 && ((fu ^ ft) & SPELLED) === 0;
}

/** Fewest edits between the texts (part 1) or the keys (part 3) of shapes sa[a] and sb[b]. */
function fewest(sa: Int32Array, a: number, sb: Int32Array, b: number, part: 1 | 3): number {
  return fewestEdits(sa[a + part], sa[a + part + 1], sb[b + part], sb[b + part + 1]);
}

/**
 * True only when tokenSimilarity is 0 for tokens of shapes sa[a], sb[b]: they compare as
 * written (asWritten), their letters differ (so do their texts, undoubled or not), and both
 * text and key need more edits than their length allows.
 */
export function surelyUnlike(sa: Int32Array, a: number, sb: Int32Array, b: number): boolean {
  if (!asWritten(sa[a], sb[b]) || sa[a + 2] === sb[b + 2]) return false;
  return fewest(sa, a, sb, b, 1) > allowedEdits(Math.max(sa[a + 1], sb[b + 1])) && fewest(sa, a, sb, b, 3) > allowedEdits(Math.max(sa[a + 3], sb[b + 3]));
}

/**
 * True only when joinedSim is 0 for a unit of shape su[u] and a token of shape st[t]: they
 * compare as written (no abjad skeleton, no spellings), and both text and key need more than a
 * fifth of their length in edits (joinedSim wants an edit similarity of 0.8).
 */
export function surelyNotJoined(su: Int32Array, u: number, st: Int32Array, t: number): boolean {
  if (!joinedAsWritten(su[u], st[t])) return false;
  return fewest(su, u, st, t, 1) > 0.2 * Math.max(su[u + 1], st[t + 1]) && fewest(su, u, st, t, 3) > 0.2 * Math.max(su[u + 3], st[t + 3]);
}

/** Edit similarity below which two joined units are not aligned ("Lauren Tnkunda" / "Laurent Nkunda"). */
export const SHIFTED_BOUNDARY = 0.85;

/**
 * An upper bound of editSimilarity between strings of these lengths and letter masks: the
 * similarity of fewestEdits edits.
 */
export function editSimilarityBound(lenA: number, maskA: number, lenB: number, maskB: number): number {
  const len = Math.max(lenA, lenB);
  if (len === 0) return 0;
  const d = fewestEdits(lenA, maskA, lenB, maskB);
  if (d > allowedEdits(len)) return 0;
  // A transposition has the same letters and length: no fewest edits, and a bound of 1.
  return similarityOfEdits(d, len, false);
}

/**
 * The range of a list of spellings, to bound a comparison with all of them at once: at 0..3 for
 * their texts and 4..7 for their keys, the shortest and longest length, the letters in every one
 * and the letters in any (letterMask). Memoised by list: a syllable's or a pair's list is shared.
 */
const envelopes = new WeakMap<readonly { text: string; key: string }[], Int32Array>();

export function envelopeOf(list: readonly { text: string; key: string }[]): Int32Array {
  let e = envelopes.get(list);
  if (e) return e;
  e = Int32Array.of(1 << 30, 0, -1, 0, 1 << 30, 0, -1, 0);
  for (let i = 0; i < list.length; i++) {
    widen(e, 0, list[i].text);
    widen(e, 4, list[i].key);
  }
  envelopes.set(list, e);
  return e;
}

function widen(e: Int32Array, at: number, s: string): void {
  const m = letterMask(s);
  if (s.length < e[at]) e[at] = s.length;
  if (s.length > e[at + 1]) e[at + 1] = s.length;
  e[at + 2] &= m;
  e[at + 3] |= m;
}

/**
 * An upper bound of editSimilarity between any string of envelope part e[at..] and a string of
 * this length and mask: as editSimilarityBound, with the fewest edits any of them could need
 * (half-cost vowels always allowed) and the longest length.
 */
export function envelopeSimilarity(e: Int32Array, at: number, len: number, mask: number): number {
  const gap = len < e[at] ? e[at] - len : len > e[at + 1] ? len - e[at + 1] : 0;
  const d = Math.max(gap, lettersCost(e[at + 2] & ~mask), lettersCost(mask & ~e[at + 3]));
  const longest = Math.max(e[at + 1], len);
  return d > allowedEdits(longest) ? 0 : similarityOfEdits(d, longest, false);
}

/** True when some string of envelope part e[at..] may have exactly the letters of `mask`. */
function mayShareLetters(e: Int32Array, at: number, mask: number): boolean {
  return (e[at + 2] & ~mask) === 0 && (mask & ~e[at + 3]) === 0;
}

function partBound(sa: Int32Array, a: number, sb: Int32Array, b: number, part: 1 | 3): number {
  return editSimilarityBound(sa[a + part], sa[a + part + 1], sb[b + part], sb[b + part + 1]);
}

/**
 * An upper bound of tokenSimilarity for tokens of shapes sa[a], sb[b]: 1 for an initial or an
 * abjad token; for a Hangul syllable against a token that is not one, the bound of its text or
 * of any of its spellings, given their envelope (`spellings`: envelopeOf them; 1 without it).
 */
export function tokenSimilarityBound(sa: Int32Array, a: number, sb: Int32Array, b: number, spellings: Int32Array | null = null): number {
  const fa = sa[a], fb = sb[b];
  if (((fa | fb) & (INITIAL | ABJAD)) !== 0) return 1;
  const spelled = ((fa ^ fb) & SPELLED) !== 0;
  if (spelled && spellings === null) return 1;
  const s = Math.max(partBound(sa, a, sb, b, 1), 0.95 * partBound(sa, a, sb, b, 3));
  // Same letters may be the same text undoubled, same key lengths and letters the same key (0.93).
  const written = sa[a + 2] === sb[b + 2] || (sa[a + 3] === sb[b + 3] && sa[a + 4] === sb[b + 4]) ? Math.max(s, 0.93) : s;
  if (!spelled) return written;
  return Math.max(written, (fa & SPELLED) !== 0 ? spellingsBound(spellings!, sb, b) : spellingsBound(spellings!, sa, a));
}

/** An upper bound of writtenSimilarity of any spelling of envelope e and a token (neither initial nor abjad) of shape s[at]. */
function spellingsBound(e: Int32Array, s: Int32Array, at: number): number {
  const b = Math.max(envelopeSimilarity(e, 0, s[at + 1], s[at + 2]), 0.95 * envelopeSimilarity(e, 4, s[at + 3], s[at + 4]));
  return mayShareLetters(e, 0, s[at + 2]) || mayShareLetters(e, 4, s[at + 4]) ? Math.max(b, 0.93) : b;
}

/**
 * An upper bound of joinedSim for a unit of shape su[u] and a token of shape st[t]; for a
 * Hangul unit or token against one that is not, `spellings` is the envelope of its spellings
 * (the bound is 1 without it).
 */
export function joinedSimBound(su: Int32Array, u: number, st: Int32Array, t: number, spellings: Int32Array | null = null): number {
  const fu = su[u], ft = st[t];
  if (((fu | ft) & ABJAD) !== 0) return 1;
  const spelled = ((fu ^ ft) & SPELLED) !== 0;
  if (spelled && spellings === null) return 1;
  // Same length and letters may be the same text (1).
  if (su[u + 1] === st[t + 1] && su[u + 2] === st[t + 2]) return 1;
  const s = Math.max(partBound(su, u, st, t, 1), 0.95 * partBound(su, u, st, t, 3));
  const keyEqual = su[u + 3] === st[t + 3] && su[u + 4] === st[t + 4];
  const written = Math.max(s >= 0.8 ? s * 0.97 : 0, keyEqual ? 0.93 : 0);
  if (!spelled) return written;
  const o = (fu & SPELLED) !== 0 ? st : su, at = (fu & SPELLED) !== 0 ? t : u;
  return Math.max(written, envelopeJoinedBound(spellings!, o[at + 1], o[at + 2], o[at + 3], o[at + 4]));
}

function undouble(s: string): string {
  // Most tokens have no doubled letter: answer those without a regular expression.
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1)) return s.replace(/(.)\1+/g, "$1");
  return s;
}

function isTransposition(a: string, b: string): boolean {
  // Letters differ: no need to sort them.
  if (a.length !== b.length || letterMask(a) !== letterMask(b)) return false;
  return [...a].sort().join("") === [...b].sort().join("");
}

/** Similarity of two single tokens, with how it was reached. (tokenSimilarityBound and surelyUnlike must stay true of it: the tests check.) */
export function tokenSimilarity(a: NameToken, b: NameToken): { sim: number; how: TokenAlignment["how"] } {
  // A Hangul syllable against a Latin token: its closest spelling. Two syllables compare as written.
  if ((a.spellings === null) !== (b.spellings === null)) return closestSpelling(a, b);
  return writtenSimilarity(a, b);
}

const SPELLED_AS = { sim: 1, how: "spelling" } as const;

/** tokenSimilarity of a Hangul syllable and a token that is not one: the best over the syllable's text and spellings. */
function closestSpelling(a: NameToken, b: NameToken): { sim: number; how: TokenAlignment["how"] } {
  let best = writtenSimilarity(a, b);
  const spellings = a.spellings ?? b.spellings!, other = a.spellings !== null ? b : a;
  // Lengths and letters bound what the spellings can reach (as tokenSimilarityBound), all at
  // once and then one by one: most are passed over without an edit distance. Not for an
  // initial or an abjad token, which compare otherwise.
  const plain = other.kind !== "initial" && other.skeleton === null;
  const len = other.text.length, mask = letterMask(other.text), keyLen = other.key.length, keyMask = letterMask(other.key);
  if (plain && best.sim < 1) {
    const e = envelopeOf(spellings);
    let bound = Math.max(envelopeSimilarity(e, 0, len, mask), 0.95 * envelopeSimilarity(e, 4, keyLen, keyMask));
    if (mayShareLetters(e, 0, mask) || mayShareLetters(e, 4, keyMask)) bound = Math.max(bound, 0.93);
    if (bound <= best.sim) return best;
  }
  for (let i = 0; i < spellings.length && best.sim < 1; i++) {
    const s = spellings[i];
    if (plain) {
      const sMask = letterMask(s.text), sKeyMask = letterMask(s.key);
      let bound = Math.max(editSimilarityBound(s.text.length, sMask, len, mask), 0.95 * editSimilarityBound(s.key.length, sKeyMask, keyLen, keyMask));
      if (sMask === mask || (s.key.length === keyLen && sKeyMask === keyMask)) bound = Math.max(bound, 0.93);
      if (bound <= best.sim) continue;
    }
    const r = a.spellings !== null ? writtenSimilarity(s, b) : writtenSimilarity(a, s);
    if (r.sim > best.sim) best = r.how === "exact" ? SPELLED_AS : r;
  }
  return best;
}

function writtenSimilarity(a: NameToken, b: NameToken): { sim: number; how: TokenAlignment["how"] } {
  if (a.text === b.text) return { sim: 1, how: "exact" };
  if (a.key === b.key || undouble(a.text) === undouble(b.text)) return { sim: 0.93, how: "variant" };
  if ((a.kind === "initial" || b.kind === "initial") && a.text[0] === b.text[0]) return { sim: 0.9, how: "initial" };
  if (a.kind === "initial" || b.kind === "initial") return { sim: 0, how: "typo" };
  if (a.skeleton !== null || b.skeleton !== null) {
    const sa = a.skeleton ?? skeletonOf(a.key), sb = b.skeleton ?? skeletonOf(b.key);
    if (sa === sb && sa.length >= 2) return { sim: 0.9, how: "skeleton" };
    const s = editSimilarity(sa, sb) * 0.9;
    if (s > 0) return { sim: s, how: "skeleton" };
  }
  const s = Math.max(editSimilarity(a.text, b.text), 0.95 * editSimilarity(a.key, b.key));
  return { sim: s, how: "typo" };
}


/** Two adjacent tokens joined ("min" + "aung"), for one-token-as-two alignments. */
export interface Unit {
  idx: number[];
  text: string;
  key: string;
  abjad: boolean;
  /** When either token is a Hangul syllable: every other joining of their texts and spellings ("jae" + "in": jaein, chaein...). */
  spellings: JoinedSpelling[] | null;
}

/** A joined spelling, with the letter masks of its text and key for bounds (there are dozens per pair of syllables). */
export interface JoinedSpelling {
  text: string;
  key: string;
  mask: number;
  keyMask: number;
}

// A screening query aligns the same token list with many candidates: its joined units are made once.
const unitMemo = new WeakMap<NameToken[], { keyOf: (s: string) => string; units: Unit[] }>();

export function units(tokens: NameToken[], keyOf: (s: string) => string): Unit[] {
  const m = unitMemo.get(tokens);
  if (m && m.keyOf === keyOf) return m.units;
  const out = makeUnits(tokens, keyOf);
  unitMemo.set(tokens, { keyOf, units: out });
  return out;
}

function makeUnits(tokens: NameToken[], keyOf: (s: string) => string): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i], b = tokens[i + 1], text = a.text + b.text;
    out.push({ idx: [i, i + 1], text, key: keyOf(text), abjad: a.skeleton !== null, spellings: unitSpellings(a, b, keyOf) });
  }
  return out;
}

// Two syllables' joined spellings, by their spelling lists (shared by every token of a syllable).
const joinedMemo = new WeakMap<NameToken[], Map<NameToken[], JoinedSpelling[]>>();

/** Unit.spellings of tokens a and b joined, null when neither is a Hangul syllable. */
export function unitSpellings(a: NameToken, b: NameToken, keyOf: (s: string) => string): Unit["spellings"] {
  if (a.spellings === null && b.spellings === null) return null;
  let memo = a.spellings !== null && b.spellings !== null ? joinedMemo.get(a.spellings) : undefined;
  const known = memo?.get(b.spellings!);
  if (known) return known;
  const out: JoinedSpelling[] = [];
  for (let i = -1; i < (a.spellings?.length ?? 0); i++) {
    for (let j = -1; j < (b.spellings?.length ?? 0); j++) {
      if (i < 0 && j < 0) continue;
      const text = (i < 0 ? a.text : a.spellings![i].text) + (j < 0 ? b.text : b.spellings![j].text);
      const key = keyOf(text);
      out.push({ text, key, mask: letterMask(text), keyMask: letterMask(key) });
    }
  }
  if (a.spellings !== null && b.spellings !== null) {
    if (!memo) joinedMemo.set(a.spellings, (memo = new Map()));
    memo.set(b.spellings, out);
  }
  return out;
}

interface Edge {
  a: number[];
  b: number[];
  sim: number;
  how: TokenAlignment["how"];
}

/**
 * Aligns two token lists and scores them. `keyOf` gives the phonetic key of a joined token
 * (the caller owns the model); `weightOf` the weight of each token.
 */
export function alignTokens(
  qa: NameToken[],
  cb: NameToken[],
  wa: number[],
  wb: number[],
  keyOf: (s: string) => string,
  /** Optional memo of tokenSimilarity (a screening query compares its tokens with many candidates sharing tokens). */
  similarity: (a: NameToken, b: NameToken) => { sim: number; how: TokenAlignment["how"] } = tokenSimilarity,
): { score: number; edges: Edge[]; matchedA: boolean[]; matchedB: boolean[] } {
  const edges: Edge[] = [];
  for (let i = 0; i < qa.length; i++) {
    for (let j = 0; j < cb.length; j++) {
      const { sim, how } = similarity(qa[i], cb[j]);
      if (sim > 0) edges.push({ a: [i], b: [j], sim, how });
    }
  }
  // Joined tokens: one token on one side spelled as two on the other.
  if (qa.length > 1 || cb.length > 1) {
    for (const u of units(qa, keyOf)) {
      for (let j = 0; j < cb.length; j++) {
        const s = joinedSim(u, cb[j]);
        if (s > 0) edges.push({ a: u.idx, b: [j], sim: s, how: "joined" });
      }
    }
    const ub = units(cb, keyOf);
    for (const u of ub) {
      for (let i = 0; i < qa.length; i++) {
        const s = joinedSim(u, qa[i]);
        if (s > 0) edges.push({ a: [i], b: u.idx, sim: s, how: "joined" });
      }
    }
    // A word boundary in another place ("Lauren Tnkunda" / "Laurent Nkunda", 연아 / "Yu-na").
    for (const u of units(qa, keyOf)) {
      for (const v of ub) {
        const s = shiftedSim(u, v);
        if (s > 0) edges.push({ a: u.idx, b: v.idx, sim: s, how: "joined" });
      }
    }
  }
  const weightOfEdge = (e: Edge) => e.a.reduce((s, i) => s + wa[i], 0) + e.b.reduce((s, j) => s + wb[j], 0);
  edges.sort((x, y) => y.sim - x.sim || weightOfEdge(y) - weightOfEdge(x));
  const matchedA = new Array<boolean>(qa.length).fill(false);
  const matchedB = new Array<boolean>(cb.length).fill(false);
  const chosen: Edge[] = [];
  let num = 0;
  for (const e of edges) {
    if (e.a.some((i) => matchedA[i]) || e.b.some((j) => matchedB[j])) continue;
    for (const i of e.a) matchedA[i] = true;
    for (const j of e.b) matchedB[j] = true;
    chosen.push(e);
    // An initial says little of the name it stands for: the full token is credited only as
    // much as the initial weighs, the rest of its weight counting as unmatched.
    num += e.sim * (e.how === "initial" ? 2 * Math.min(wa[e.a[0]], wb[e.b[0]]) : weightOfEdge(e));
  }
  const den = wa.reduce((s, w) => s + w, 0) + wb.reduce((s, w) => s + w, 0);
  return { score: den > 0 ? num / den : 0, edges: chosen, matchedA, matchedB };
}

/** Similarity of a joined unit and a token. (joinedSimBound and surelyNotJoined must stay true of it: the tests check.) */
export function joinedSim(u: Unit, t: NameToken): number {
  let best = joinedWritten(u.text, u.key, u.abjad, t);
  // Hangul against Latin ("jae" + "in" / "Jaein", "Moon Jae" / 문재): the closest spelling, passing
  // over (by lengths and letters, as joinedSimBound) those that cannot beat the best so far.
  if (u.spellings !== null && t.spellings === null) {
    const len = t.text.length, mask = letterMask(t.text), keyLen = t.key.length, keyMask = letterMask(t.key);
    if (t.skeleton === null && envelopeJoinedBound(envelopeOf(u.spellings), len, mask, keyLen, keyMask) <= best) return best;
    for (let i = 0; i < u.spellings.length && best < 1; i++) {
      const s = u.spellings[i];
      if (t.skeleton === null && joinedBound(s.text.length, s.mask, s.key.length, s.keyMask, len, mask, keyLen, keyMask) <= best) continue;
      best = Math.max(best, joinedWritten(s.text, s.key, false, t));
    }
  } else if (u.spellings === null && t.spellings !== null) {
    const len = u.text.length, mask = letterMask(u.text), keyLen = u.key.length, keyMask = letterMask(u.key);
    if (!u.abjad && envelopeJoinedBound(envelopeOf(t.spellings), len, mask, keyLen, keyMask) <= best) return best;
    for (let i = 0; i < t.spellings.length && best < 1; i++) {
      const s = t.spellings[i];
      if (!u.abjad && joinedBound(s.text.length, letterMask(s.text), s.key.length, letterMask(s.key), len, mask, keyLen, keyMask) <= best) continue;
      best = Math.max(best, joinedWritten(u.text, u.key, u.abjad, s));
    }
  }
  return best;
}

/** An upper bound of joinedWritten (no skeleton compared) from the lengths and letter masks of the texts and keys. */
function joinedBound(lenA: number, maskA: number, keyLenA: number, keyMaskA: number, lenB: number, maskB: number, keyLenB: number, keyMaskB: number): number {
  return joinedOf(Math.max(editSimilarityBound(lenA, maskA, lenB, maskB), 0.95 * editSimilarityBound(keyLenA, keyMaskA, keyLenB, keyMaskB)));
}

/** joinedBound for every spelling of an envelope at once. */
function envelopeJoinedBound(e: Int32Array, len: number, mask: number, keyLen: number, keyMask: number): number {
  return joinedOf(Math.max(envelopeSimilarity(e, 0, len, mask), 0.95 * envelopeSimilarity(e, 4, keyLen, keyMask)));
}

/** What joinedWritten makes of an edit similarity bound s (nondecreasing): equal texts give 1 (s is 1), equal keys 0.93 (s at least 0.95). */
function joinedOf(s: number): number {
  return s >= 1 ? 1 : s >= 0.95 ? Math.max(0.93, s * 0.97) : s >= 0.8 ? s * 0.97 : 0;
}

function joinedWritten(text: string, key: string, abjad: boolean, t: NameToken): number {
  if (text === t.text) return 1;
  if (key === t.key) return 0.93;
  if (abjad || t.skeleton !== null) {
    const sa = skeletonOf(key), sb = t.skeleton ?? skeletonOf(t.key);
    if (sa === sb && sa.length >= 2) return 0.88;
  }
  const s = Math.max(editSimilarity(text, t.text), 0.95 * editSimilarity(key, t.key));
  return s >= 0.8 ? s * 0.97 : 0;
}

/**
 * Similarity of two joined units whose word boundary falls in another place, 0 below
 * SHIFTED_BOUNDARY or when their texts are the same (their tokens then align one by one). Two
 * Hangul syllables against two Latin tokens: through the closest spelling, since a spelling
 * by pronunciation carries a final consonant over to the next syllable (연아 / "Yu-na").
 */
export function shiftedSim(u: Unit, v: Unit): number {
  let s = u.text === v.text ? 0 : editSimilarity(u.text, v.text);
  if ((u.spellings === null) !== (v.spellings === null)) {
    const spellings = u.spellings ?? v.spellings!, other = u.spellings !== null ? v.text : u.text;
    const len = other.length, mask = letterMask(other);
    const all = envelopeSimilarity(envelopeOf(spellings), 0, len, mask);
    for (let i = 0; i < spellings.length && s < 1 && all >= SHIFTED_BOUNDARY && all > s; i++) {
      const sp = spellings[i];
      // Lengths and letters bound the similarity: most spellings are skipped without an edit distance.
      const bound = editSimilarityBound(sp.text.length, sp.mask, len, mask);
      if (bound >= SHIFTED_BOUNDARY && bound > s) s = Math.max(s, editSimilarity(sp.text, other));
    }
  }
  return s >= SHIFTED_BOUNDARY ? s * 0.97 : 0;
}

/** Year (and month/day when given) of an ISO-like date string. */
function dateParts(d: string): number[] {
  return (d.match(/\d+/g) ?? []).map(Number);
}

export function compareDates(qs: string[] = [], cs: string[] = []): MatchExplanation["dob"] {
  if (!qs.length || !cs.length) return { query: qs, candidate: cs, effect: 0, verdict: "unknown" };
  let best: "same" | "close" | "different" = "different";
  for (const q of qs) {
    for (const c of cs) {
      const a = dateParts(q), b = dateParts(c);
      if (!a.length || !b.length) continue;
      const n = Math.min(a.length, b.length);
      if (a.slice(0, n).every((v, i) => v === b[i])) best = "same";
      else if (best !== "same" && Math.abs(a[0] - b[0]) <= 1) best = "close";
    }
  }
  const effect = best === "same" ? 0.05 : best === "close" ? 0 : -0.15;
  return { query: qs, candidate: cs, effect, verdict: best };
}

function normCountry(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, "");
}

export function compareNationalities(qs: string[] = [], cs: string[] = []): MatchExplanation["nationality"] {
  const q = qs.map(normCountry).filter(Boolean), c = cs.map(normCountry).filter(Boolean);
  if (!q.length || !c.length) return { query: qs, candidate: cs, effect: 0, verdict: "unknown" };
  // Codes and names cannot be compared without a gazetteer; only like with like counts.
  const comparable = q.some((x) => c.some((y) => (x.length === 2) === (y.length === 2)));
  if (!comparable) return { query: qs, candidate: cs, effect: 0, verdict: "unknown" };
  if (q.some((x) => c.includes(x))) return { query: qs, candidate: cs, effect: 0.03, verdict: "same" };
  return { query: qs, candidate: cs, effect: -0.08, verdict: "different" };
}

interface Reading {
  tokens: NameToken[];
  removed: { text: string; group: string }[];
}

/** The ways a name is read for a comparison: as normalised, and with its honorifics kept when one is also a name. */
function readings(n: NormalisedName, compared: MatchExplanation["script"]["compared"]): Reading[] {
  if (n.script === "myanmar" && compared === "romanised-myanmar") return [{ tokens: n.latinFallback ?? [], removed: n.removed }];
  return n.withHonorifics ? [{ tokens: n.tokens, removed: n.removed }, n.withHonorifics] : [{ tokens: n.tokens, removed: n.removed }];
}

/** Compares two normalised names. */
export function compareNormalised(
  a: NormalisedName,
  b: NormalisedName,
  keyOf: (s: string) => string,
  opts: CompareOptions = {},
): MatchResult {
  let compared: MatchExplanation["script"]["compared"] = "latin";
  if (a.script === "myanmar" && b.script === "myanmar") compared = "myanmar";
  else if (a.script === "myanmar" || b.script === "myanmar") compared = "romanised-myanmar";
  // Every reading of one name against every reading of the other; the best one counts.
  let best: { ta: NameToken[]; tb: NameToken[]; ra: Reading; rb: Reading; wa: number[]; wb: number[]; al: ReturnType<typeof alignTokens> } | null = null;
  for (const ra of readings(a, compared)) {
    for (const rb of readings(b, compared)) {
      const wa = ra.tokens.map((t) => tokenWeight(t, opts.stats));
      const wb = rb.tokens.map((t) => tokenWeight(t, opts.stats));
      const al = alignTokens(ra.tokens, rb.tokens, wa, wb, keyOf);
      if (!best || al.score > best.al.score) best = { ta: ra.tokens, tb: rb.tokens, ra, rb, wa, wb, al };
    }
  }
  const { ta, tb, ra, rb, wa, wb, al } = best!;
  const dob = compareDates(opts.query?.birthDates, opts.candidate?.birthDates);
  const nationality = compareNationalities(opts.query?.nationalities, opts.candidate?.nationalities);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  let score = al.score;
  // Supporting evidence only lifts names that already look alike.
  if (score >= 0.6) score += dob.effect + nationality.effect;
  else score += Math.min(0, dob.effect + nationality.effect);
  score = Math.max(0, Math.min(1, score));
  const den = wa.reduce((s, w) => s + w, 0) + wb.reduce((s, w) => s + w, 0);
  const unmatchedW = wa.reduce((s, w, i) => s + (al.matchedA[i] ? 0 : w), 0) + wb.reduce((s, w, j) => s + (al.matchedB[j] ? 0 : w), 0);
  const alignedWeights = al.edges.map((e) => Math.max(...e.a.map((i) => wa[i]), ...e.b.map((j) => wb[j])));
  return {
    score: round(score),
    explanation: {
      tokens: al.edges.map((e, n) => ({
        query: e.a.map((i) => ta[i].text).join(" "),
        candidate: e.b.map((j) => tb[j].text).join(" "),
        similarity: round(e.sim),
        how: e.how,
        weight: round(alignedWeights[n]),
      })),
      unmatchedQuery: ta.filter((_, i) => !al.matchedA[i]).map((t) => t.text),
      unmatchedCandidate: tb.filter((_, j) => !al.matchedB[j]).map((t) => t.text),
      nameScore: round(al.score),
      rareTokenWeight: round(alignedWeights.length ? Math.max(...alignedWeights) : 0),
      unmatchedPenalty: round(den > 0 ? unmatchedW / den : 0),
      dob,
      nationality,
      script: { query: a.scripts.join("+") || "none", candidate: b.scripts.join("+") || "none", compared },
      removed: { query: ra.removed.map((r) => r.text), candidate: rb.removed.map((r) => r.text) },
      reordered: { query: a.reordered, candidate: b.reordered },
    },
  };
}

/**
 * An in-memory screening index: names of listed entities, searchable by any spelling.
 * Candidates come from blocking on interned tokens (exact, phonetic key, one-or-two-edit
 * neighbours of the key, two adjacent letters swapped, joined and split tokens, consonant
 * skeletons, the keys of a Hangul syllable's spellings): each query token, and each adjacent
 * pair joined, is a group of vocabulary entries (a token like no indexed one that splits into
 * two: a group per half); the names that weigh most over the groups (postings.ts) are then
 * scored with the full name similarity, unless a bound shows they cannot reach the threshold
 * (score-bound.ts). Token frequencies of the indexed names set the weights, so rare tokens
 * decide matches. The postings are built lazily after additions; the blocking plan of a query
 * token (its neighbours and splits) is memoised.
 */
import type { NameMatcher } from "./matcher.ts";
import type { NameToken, NormalisedName } from "./normalise.ts";
import { skeletonOf, uncachedKey } from "./normalise.ts";
import { Postings, type Group, type TokenPlan } from "./postings.ts";
import { boundQuery, ScoreBounds, type BoundQuery } from "./score-bound.ts";
import {
  alignTokens,
  compareDates,
  compareNationalities,
  compareNormalised,
  DEFAULT_THRESHOLD,
  tokenSimilarity,
  tokenWeight,
  unitSpellings,
  vowelClass,
  type MatchExplanation,
  type TokenAlignment,
  type TokenStats,
} from "./similarity.ts";

/** The token lists a name is indexed and queried under: as normalised, romanised (Myanmar script), with honorifics kept. */
function readingsOf(n: NormalisedName): NameToken[][] {
  if (n.script === "myanmar") return [n.tokens, n.latinFallback ?? []];
  return n.withHonorifics ? [n.tokens, n.withHonorifics.tokens] : [n.tokens];
}

/**
 * A token's vocabulary entry: a token from an Arabic/Hebrew/Thai name compares by skeleton and
 * a Hangul syllable through its spellings, so neither is the Latin token of the same text.
 */
function vocabKey(tok: NameToken): string {
  return tok.skeleton !== null ? "\u0001" + tok.text : tok.spellings !== null ? "\u0002" + tok.text : tok.text;
}

/** Token similarity from which a neighbour spelling blocks as if it shared the query token's key. */
const CLOSE_SPELLING = 0.85;

export interface ScreeningEntry {
  id: string;
  name: string;
  aliases?: string[];
  /** FtM-style schema: Person, Organization, Company, LegalEntity, Vessel… */
  schema: string;
  datasets: string[];
  birthDates?: string[];
  nationalities?: string[];
}

export interface ScreeningQueryOptions {
  schema?: string;
  threshold?: number;
  limit?: number;
  birthDate?: string;
  nationality?: string;
}

export interface ScreeningMatch {
  id: string;
  name: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  /** Which of the entity's names matched best. */
  matchedName: string;
  explanation: MatchExplanation;
}

/** Schemata that stand for "could be anything": they match any requested schema. */
const GENERIC_SCHEMA = new Set(["LegalEntity", "Thing", ""]);
/** Organisation-like schemata are interchangeable when screening for an Organization. */
const ORG_LIKE = new Set(["Organization", "Company", "PublicBody"]);

function schemaFits(want: string, have: string): boolean {
  if (want === have || GENERIC_SCHEMA.has(have) || GENERIC_SCHEMA.has(want)) return true;
  return ORG_LIKE.has(want) && ORG_LIKE.has(have);
}

/** Memoised blocking plans kept per index before the memo is emptied (bounds memory). */
const PLAN_CACHE = 50_000;

/** Shorter tokens are not indexed under their swapped spellings: swapping two letters makes another word, not a typo. */
const MIN_SWAPPED = 3;
const PLAIN_LATIN = /^[a-z0-9]+$/;

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export class ScreeningIndex {
  private readonly matcher: NameMatcher;
  // Entities.
  private entIds: string[] = [];
  private entNames: string[] = [];
  private entSchema: number[] = [];
  private entDatasets: number[] = [];
  private entDob = new Map<number, string[]>();
  private entNat = new Map<number, string[]>();
  private schemaTable: string[] = [];
  private schemaIds = new Map<string, number>();
  private datasetTable: string[][] = [];
  private datasetIds = new Map<string, number>();
  // Records: one per name or alias of an entity.
  private recEntity: number[] = [];
  private recStart: number[] = [0];
  private recTok: number[] = [];
  private recText: string[] = [];
  // Vocabulary: interned tokens (vocabKey).
  private vocab = new Map<string, number>();
  private vocabTok: NameToken[] = [];
  private df: number[] = [];
  private byKey = new Map<string, number[]>();
  private byDeletion = new Map<string, string[]>();
  /**
   * Vocabulary entries under the phonetic keys of their spellings with two adjacent letters
   * swapped: the key of a typo can be far from the key of the name ("viecnte" -> veknt,
   * "vicente" -> viCent), or too short for the edit neighbours ("siir" -> sir).
   */
  private bySwap = new Map<string, number[]>();
  /** Entries by vowelClass of their text: spellings a confusable vowel apart ("maria", "marie"). */
  private byVowels = new Map<string, number[]>();
  private bySkeleton = new Map<string, number[]>();
  // Built lazily from the records.
  private postings: Postings | null = null;
  private bounds: ScoreBounds | null = null;
  private recEntityArr: Int32Array | null = null;
  /** Weight of each vocabulary entry, fixed once the index is built. */
  private vocabWeight: Float64Array | null = null;
  private vocabMark: Uint32Array | null = null;
  private vocabMarkNo = 0;
  private planCache = new Map<string, TokenPlan & { halves: TokenPlan[] }>();
  readonly stats: TokenStats;

  constructor(matcher: NameMatcher) {
    this.matcher = matcher;
    this.stats = {
      total: 0,
      // A Hangul syllable is counted under its own entry (vocabKey); any other token under its text.
      df: (tok: NameToken) => {
        const v = this.vocab.get(tok.spellings !== null ? vocabKey(tok) : tok.text);
        return v === undefined ? 0 : this.df[v];
      },
    };
  }

  get size(): number {
    return this.entIds.length;
  }

  get nameCount(): number {
    return this.recEntity.length;
  }

  private intern(tok: NameToken): number {
    const k = vocabKey(tok);
    let v = this.vocab.get(k);
    if (v !== undefined) return v;
    v = this.vocabTok.length;
    this.vocab.set(k, v);
    this.vocabTok.push(tok);
    this.df.push(0);
    this.fileUnderKey(tok.key, v);
    // A Hangul syllable is found by the keys of its spellings too (a Latin "Kim" finds 김).
    if (tok.spellings !== null) for (const s of tok.spellings) this.fileUnderKey(s.key, v);
    this.indexSwaps(tok, v);
    const vc = PLAIN_LATIN.test(tok.text) ? vowelClass(tok.text) : null;
    if (vc !== null) {
      const l = this.byVowels.get(vc);
      if (l) l.push(v);
      else this.byVowels.set(vc, [v]);
    }
    const sk = skeletonOf(tok.key);
    if (sk.length >= 2) {
      const l = this.bySkeleton.get(sk);
      if (l) l.push(v);
      else this.bySkeleton.set(sk, [v]);
    }
    return v;
  }

  /** Files entry v under phonetic key `key` (once: a Hangul syllable's spellings share keys). */
  private fileUnderKey(key: string, v: number): void {
    let list = this.byKey.get(key);
    if (!list) {
      list = [];
      this.byKey.set(key, list);
      if (key.length >= 4) {
        for (const d of deletions(key)) {
          const l = this.byDeletion.get(d);
          if (l) l.push(key);
          else this.byDeletion.set(d, [key]);
        }
      }
    }
    if (list[list.length - 1] !== v) list.push(v);
  }

  /** Files entry v under the keys of its spellings with two adjacent letters swapped (once per key, its own excepted). */
  private indexSwaps(tok: NameToken, v: number): void {
    const text = tok.text;
    if (text.length < MIN_SWAPPED || !PLAIN_LATIN.test(text)) return;
    const keys = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) {
      if (text[i] === text[i + 1]) continue;
      // Uncached: these spellings are mostly never seen again, and would crowd the key memo.
      const k = uncachedKey(this.matcher.model, text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
      if (k !== tok.key) keys.add(k);
    }
    for (const k of keys) {
      const l = this.bySwap.get(k);
      if (l) l.push(v);
      else this.bySwap.set(k, [v]);
    }
  }

  private addRecord(ent: number, text: string, tokens: NameToken[]): void {
    if (!tokens.length) return;
    const seen = new Set<number>();
    for (const t of tokens) {
      const v = this.intern(t);
      this.recTok.push(v);
      if (!seen.has(v)) {
        seen.add(v);
        this.df[v]++;
      }
    }
    this.recEntity.push(ent);
    this.recText.push(text);
    this.recStart.push(this.recTok.length);
  }

  add(entry: ScreeningEntry): void {
    const ent = this.entIds.length;
    this.entIds.push(entry.id);
    this.entNames.push(entry.name);
    let s = this.schemaIds.get(entry.schema);
    if (s === undefined) {
      s = this.schemaTable.length;
      this.schemaTable.push(entry.schema);
      this.schemaIds.set(entry.schema, s);
    }
    this.entSchema.push(s);
    const dsKey = entry.datasets.join("\u0000");
    let d = this.datasetIds.get(dsKey);
    if (d === undefined) {
      d = this.datasetTable.length;
      this.datasetTable.push([...entry.datasets]);
      this.datasetIds.set(dsKey, d);
    }
    this.entDatasets.push(d);
    if (entry.birthDates?.length) this.entDob.set(ent, entry.birthDates);
    if (entry.nationalities?.length) this.entNat.set(ent, entry.nationalities);
    const names = new Set([entry.name, ...(entry.aliases ?? [])].filter((n) => n && n.trim()));
    const seenTokens = new Set<string>();
    for (const name of names) {
      const n = this.matcher.normalise(name);
      const variants = readingsOf(n);
      for (const toks of variants) {
        const sig = toks.map((t) => t.text).join(" ");
        if (seenTokens.has(sig)) continue;
        seenTokens.add(sig);
        this.addRecord(ent, name, toks);
      }
    }
    this.postings = null;
  }

  private build(): void {
    const V = this.vocabTok.length, R = this.recEntity.length;
    const recStart = Int32Array.from(this.recStart), recTok = Int32Array.from(this.recTok);
    this.recEntityArr = Int32Array.from(this.recEntity);
    (this.stats as { total: number }).total = R;
    const weights = new Float64Array(V);
    for (let v = 0; v < V; v++) weights[v] = tokenWeight(this.vocabTok[v], this.stats);
    this.vocabWeight = weights;
    const own = new Float32Array(R);
    for (let r = 0; r < R; r++) for (let i = recStart[r]; i < recStart[r + 1]; i++) own[r] += weights[recTok[i]];
    this.postings = new Postings(recStart, recTok, own, V);
    this.bounds = new ScoreBounds(this.matcher.model, this.vocabTok, weights, recStart, recTok);
    this.vocabMark = new Uint32Array(V);
    this.vocabMarkNo = 0;
    this.planCache.clear();
  }

  private nextVocabMark(): number {
    if (++this.vocabMarkNo >= 0xffffffff) {
      this.vocabMarkNo = 1;
      this.vocabMark!.fill(0);
    }
    return this.vocabMarkNo;
  }

  /** Distinct vocabulary entries of `list` (the first `exact` of them exact) and their total posting length. */
  private plan(list: number[], exact: number): TokenPlan {
    const postings = this.postings!, mark = this.vocabMark!;
    const m = this.nextVocabMark();
    const out: number[] = [];
    let size = 0, nExact = 0;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (mark[v] === m) continue;
      mark[v] = m;
      out.push(v);
      if (i < exact) nExact++;
      size += postings.count(v);
    }
    return { vocab: Int32Array.from(out), exact: nExact, size };
  }

  /**
   * The blocking plan of one query token (neighbours and splits), memoised: query tokens repeat.
   * A token like no indexed one that splits into two is likely two names typed as one: each
   * half is then a group of its own (`halves`), so that a name holding both halves outweighs
   * the many holding one of them when both are common ("alismith" -> "ali" + "smith").
   */
  private tokenPlan(t: NameToken): TokenPlan & { halves: TokenPlan[] } {
    const k = vocabKey(t);
    let p = this.planCache.get(k);
    if (p) return p;
    const { vocab, exact } = this.lookup(t);
    const splits = this.splits(t);
    const halves: TokenPlan[] = [];
    if (vocab.length === 0) for (const [a, b] of splits) halves.push(this.plan(a, a.length), this.plan(b, b.length));
    else for (const [a, b] of splits) for (const v of [...a, ...b]) vocab.push(v);
    p = { ...this.plan(vocab, exact), halves };
    if (this.planCache.size >= PLAN_CACHE) this.planCache.clear();
    this.planCache.set(k, p);
    return p;
  }

  /**
   * Vocabulary entries that could be the same token as `t` (or, for joined forms, part of
   * it); the first `exact` share its phonetic key or are as close as a variant spelling
   * (CLOSE_SPELLING), so that names holding them are scored before names holding only a
   * looser neighbour ("Marie" before "Mario" for "Maria").
   */
  private lookup(t: NameToken): { vocab: number[]; exact: number } {
    let same = this.byKey.get(t.key) ?? [];
    if (t.spellings !== null) same = this.withSpellings(same, t.spellings);
    const near: number[] = [];
    if (t.key.length >= 4) {
      const keys = new Set<string>();
      for (const k of this.byDeletion.get(t.key) ?? []) keys.add(k);
      for (const d of deletions(t.key)) {
        if (this.byKey.has(d)) keys.add(d);
        for (const k of this.byDeletion.get(d) ?? []) keys.add(k);
      }
      keys.delete(t.key);
      for (const k of keys) near.push(...(this.byKey.get(k) ?? []));
    }
    const swapped = this.bySwap.get(t.key);
    if (swapped) near.push(...swapped);
    if (t.skeleton !== null) {
      const sk = this.bySkeleton.get(t.skeleton);
      if (sk) near.push(...sk);
    }
    // Spellings a vowel or two apart are not an edit of the key away ("maria", "marie" -> "mar"):
    // those close enough join as close spellings, the rest are not neighbours at all.
    const vc = PLAIN_LATIN.test(t.text) ? vowelClass(t.text) : null;
    const vowelMates = (vc !== null && this.byVowels.get(vc)) || [];
    // A neighbour shorter than seven letters is an edit away, below CLOSE_SPELLING unless its
    // vowels alone differ (then it is a vowel mate): only longer ones are worth comparing.
    const close: number[] = [];
    for (const v of near) if (this.vocabTok[v].text.length >= 7 && tokenSimilarity(t, this.vocabTok[v]).sim >= CLOSE_SPELLING) close.push(v);
    for (const v of vowelMates) if (tokenSimilarity(t, this.vocabTok[v]).sim >= CLOSE_SPELLING) close.push(v);
    const closeSet = new Set(close);
    return { vocab: [...same, ...close, ...near.filter((v) => !closeSet.has(v))], exact: same.length + close.length };
  }

  /** `entries` and the entries sharing the key of any of `spellings` (a Hangul syllable's, or two joined). */
  private withSpellings(entries: number[], spellings: { key: string }[]): number[] {
    const out = [...entries];
    for (const s of spellings) {
      const l = this.byKey.get(s.key);
      if (l) for (const v of l) out.push(v);
    }
    return out;
  }

  /** Splits of a token into two indexed tokens ("minaung" -> "min" + "aung"): the entries of each half. */
  private splits(t: NameToken): [number[], number[]][] {
    const out: [number[], number[]][] = [];
    for (let i = 2; i <= t.text.length - 2; i++) {
      const a = this.byKey.get(this.matcher.keyOf(t.text.slice(0, i)));
      const b = this.byKey.get(this.matcher.keyOf(t.text.slice(i)));
      if (a && b) out.push([a, b]);
    }
    return out;
  }

  query(name: string, opts: ScreeningQueryOptions = {}): ScreeningMatch[] {
    if (!this.postings) this.build();
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const limit = opts.limit ?? 10;
    const q = this.matcher.normalise(name);
    const variants = readingsOf(q);
    const best = new Map<number, { score: number; rec: number; toks: NameToken[] }>();
    for (const qt of variants) {
      if (!qt.length) continue;
      const wq = qt.map((t) => tokenWeight(t, this.stats));
      // Candidates share tokens (that is how they were found): compare each token pair once.
      const sims = new Map<NameToken, Map<NameToken, { sim: number; how: TokenAlignment["how"] }>>();
      const memo = (a: NameToken, b: NameToken) => {
        let m = sims.get(a);
        if (!m) sims.set(a, (m = new Map()));
        let r = m.get(b);
        if (!r) m.set(b, (r = tokenSimilarity(a, b)));
        return r;
      };
      const bq = boundQuery(qt, wq, this.matcher.keyOf);
      for (const c of this.candidates(qt, wq)) this.scoreCandidate(bq, memo, c, opts, threshold, best);
    }
    // Equal scores rank in index order, whichever candidate found them first.
    const ranked = [...best.entries()].filter(([, b]) => b.score >= threshold).sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
    return ranked.map(([ent, b]) => this.describe(q, ent, b.rec, opts, threshold));
  }

  /** The names that weigh most over the query's groups of vocabulary (see postings.ts). */
  private candidates(qt: NameToken[], wq: number[]): number[] {
    // Groups of vocabulary per query token (and per adjacent pair, for joined forms).
    const groups: Group[] = [];
    for (let i = 0; i < qt.length; i++) {
      const p = this.tokenPlan(qt[i]);
      if (!p.halves.length) groups.push({ ...p, weight: wq[i] });
      // Halves of a token typed as two, each half of its weight: a name holding both weighs what the token would.
      for (const h of p.halves) groups.push({ ...h, weight: wq[i] / 2 });
      if (i + 1 < qt.length) {
        let joined = this.byKey.get(this.matcher.keyOf(qt[i].text + qt[i + 1].text));
        const spellings = unitSpellings(qt[i], qt[i + 1], this.matcher.keyOf);
        if (spellings !== null) joined = this.withSpellings(joined ?? [], spellings);
        if (joined?.length) groups.push({ weight: wq[i], ...this.plan(joined, joined.length) });
      }
    }
    return this.postings!.heaviest(groups);
  }

  private recordTokens(rec: number): NameToken[] {
    const out: NameToken[] = [];
    for (let i = this.recStart[rec]; i < this.recStart[rec + 1]; i++) out.push(this.vocabTok[this.recTok[i]]);
    return out;
  }

  private scoreCandidate(
    q: BoundQuery,
    memo: (a: NameToken, b: NameToken) => { sim: number; how: TokenAlignment["how"] },
    rec: number,
    opts: ScreeningQueryOptions,
    threshold: number,
    best: Map<number, { score: number; rec: number; toks: NameToken[] }>,
  ): void {
    const ent = this.recEntityArr![rec];
    if (opts.schema && !schemaFits(opts.schema, this.schemaTable[this.entSchema[ent]])) return;
    const effect =
      compareDates(opts.birthDate ? [opts.birthDate] : [], this.entDob.get(ent)).effect +
      compareNationalities(opts.nationality ? [opts.nationality] : [], this.entNat.get(ent)).effect;
    // A name that cannot reach the threshold would be dropped: skip the full alignment (the margin absorbs rounding).
    const floor = threshold - 1e-9 - Math.max(0, effect);
    if (this.bounds!.bound(q, rec, false) < floor || this.bounds!.bound(q, rec, true) < floor) return;
    const ct = this.recordTokens(rec);
    const wb: number[] = [];
    for (let i = this.recStart[rec]; i < this.recStart[rec + 1]; i++) wb.push(this.vocabWeight![this.recTok[i]]);
    let score = alignTokens(q.tokens, ct, q.weights, wb, this.matcher.keyOf, memo).score;
    score = Math.max(0, Math.min(1, score >= 0.6 ? score + effect : score + Math.min(0, effect)));
    const prev = best.get(ent);
    if (!prev || score > prev.score) best.set(ent, { score, rec, toks: ct });
  }

  private describe(q: NormalisedName, ent: number, rec: number, opts: ScreeningQueryOptions, threshold: number): ScreeningMatch {
    const text = this.recText[rec];
    const r = compareNormalised(q, this.matcher.normalise(text), this.matcher.keyOf, {
      stats: this.stats,
      query: { birthDates: opts.birthDate ? [opts.birthDate] : [], nationalities: opts.nationality ? [opts.nationality] : [] },
      candidate: { birthDates: this.entDob.get(ent), nationalities: this.entNat.get(ent) },
    });
    return {
      id: this.entIds[ent],
      name: this.entNames[ent],
      schema: this.schemaTable[this.entSchema[ent]],
      score: r.score,
      match: r.score >= threshold,
      datasets: this.datasetTable[this.entDatasets[ent]],
      matchedName: text,
      explanation: r.explanation,
    };
  }
}

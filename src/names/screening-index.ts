/**
 * An in-memory screening index: names of listed entities, searchable by any spelling.
 * Candidates come from blocking on interned tokens (exact, phonetic key, one-or-two-edit
 * neighbours of the key, joined and split tokens, consonant skeletons); the few best are
 * then scored with the full name similarity. Token frequencies of the indexed names set
 * the weights, so rare tokens decide matches. Postings are flat typed arrays (CSR) built
 * lazily after additions.
 */
import type { NameMatcher } from "./matcher.ts";
import type { NameToken, NormalisedName } from "./normalise.ts";
import { skeletonOf } from "./normalise.ts";
import {
  alignTokens,
  compareDates,
  compareNationalities,
  compareNormalised,
  DEFAULT_THRESHOLD,
  tokenWeight,
  type MatchExplanation,
  type TokenStats,
} from "./similarity.ts";

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

/** How many candidates get the full score, and how long a posting list may be before it only scores. */
const CANDIDATES = 24;
const LONG_POSTINGS = 20_000;

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
  // Vocabulary: interned tokens (a token from an Arabic/Hebrew/Thai name is a separate entry, it compares by skeleton).
  private vocab = new Map<string, number>();
  private vocabTok: NameToken[] = [];
  private df: number[] = [];
  private byKey = new Map<string, number[]>();
  private byDeletion = new Map<string, string[]>();
  private bySkeleton = new Map<string, number[]>();
  // Built lazily from the records.
  private postStart: Int32Array | null = null;
  private post: Int32Array | null = null;
  private recEntityArr: Int32Array | null = null;
  private acc: Float32Array | null = null;
  private stamp: Uint32Array | null = null;
  private stampNo = 0;
  readonly stats: TokenStats;

  constructor(matcher: NameMatcher) {
    this.matcher = matcher;
    this.stats = {
      total: 0,
      df: (text: string) => {
        const v = this.vocab.get(text);
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
    const k = tok.skeleton !== null ? "\u0001" + tok.text : tok.text;
    let v = this.vocab.get(k);
    if (v !== undefined) return v;
    v = this.vocabTok.length;
    this.vocab.set(k, v);
    this.vocabTok.push(tok);
    this.df.push(0);
    let list = this.byKey.get(tok.key);
    if (!list) {
      list = [];
      this.byKey.set(tok.key, list);
      if (tok.key.length >= 4) {
        for (const d of deletions(tok.key)) {
          const l = this.byDeletion.get(d);
          if (l) l.push(tok.key);
          else this.byDeletion.set(d, [tok.key]);
        }
      }
    }
    list.push(v);
    const sk = skeletonOf(tok.key);
    if (sk.length >= 2) {
      const l = this.bySkeleton.get(sk);
      if (l) l.push(v);
      else this.bySkeleton.set(sk, [v]);
    }
    return v;
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
      const variants = n.script === "myanmar" ? [n.tokens, n.latinFallback ?? []] : [n.tokens];
      for (const toks of variants) {
        const sig = toks.map((t) => t.text).join(" ");
        if (seenTokens.has(sig)) continue;
        seenTokens.add(sig);
        this.addRecord(ent, name, toks);
      }
    }
    this.postStart = null;
  }

  private build(): void {
    const V = this.vocabTok.length, R = this.recEntity.length;
    const start = new Int32Array(V + 1);
    for (let r = 0; r < R; r++) {
      for (let i = this.recStart[r]; i < this.recStart[r + 1]; i++) start[this.recTok[i] + 1]++;
    }
    for (let v = 0; v < V; v++) start[v + 1] += start[v];
    const fill = start.slice(0, V);
    const post = new Int32Array(start[V]);
    for (let r = 0; r < R; r++) {
      for (let i = this.recStart[r]; i < this.recStart[r + 1]; i++) post[fill[this.recTok[i]]++] = r;
    }
    this.postStart = start;
    this.post = post;
    this.recEntityArr = Int32Array.from(this.recEntity);
    this.acc = new Float32Array(R);
    this.stamp = new Uint32Array(R);
    (this.stats as { total: number }).total = R;
  }

  /** Vocabulary entries that could be the same token as `t` (or, for joined forms, part of it). */
  private lookup(t: NameToken): number[] {
    const out: number[] = [];
    const exact = this.byKey.get(t.key);
    if (exact) out.push(...exact);
    if (t.key.length >= 4) {
      const keys = new Set<string>();
      for (const k of this.byDeletion.get(t.key) ?? []) keys.add(k);
      for (const d of deletions(t.key)) {
        if (this.byKey.has(d)) keys.add(d);
        for (const k of this.byDeletion.get(d) ?? []) keys.add(k);
      }
      keys.delete(t.key);
      for (const k of keys) out.push(...(this.byKey.get(k) ?? []));
    }
    if (t.skeleton !== null) {
      const sk = this.bySkeleton.get(t.skeleton);
      if (sk) out.push(...sk);
    }
    return out;
  }

  /** Splits of a token into two indexed tokens ("minaung" -> "min" + "aung"). */
  private splits(t: NameToken): number[][] {
    const out: number[][] = [];
    for (let i = 2; i <= t.text.length - 2; i++) {
      const a = this.byKey.get(this.matcher.keyOf(t.text.slice(0, i)));
      const b = this.byKey.get(this.matcher.keyOf(t.text.slice(i)));
      if (a && b) out.push([...a, ...b]);
    }
    return out;
  }

  query(name: string, opts: ScreeningQueryOptions = {}): ScreeningMatch[] {
    if (!this.postStart) this.build();
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const limit = opts.limit ?? 10;
    const q = this.matcher.normalise(name);
    const variants: NameToken[][] = q.script === "myanmar" ? [q.tokens, q.latinFallback ?? []] : [q.tokens];
    const best = new Map<number, { score: number; rec: number; toks: NameToken[] }>();
    for (const qt of variants) {
      if (!qt.length) continue;
      for (const c of this.candidates(qt)) this.scoreCandidate(qt, c, opts, best);
    }
    const ranked = [...best.entries()].filter(([, b]) => b.score >= threshold).sort((a, b) => b[1].score - a[1].score).slice(0, limit);
    return ranked.map(([ent, b]) => this.describe(q, ent, b.rec, opts, threshold));
  }

  private candidates(qt: NameToken[]): number[] {
    const postStart = this.postStart!, post = this.post!, acc = this.acc!, stamp = this.stamp!;
    const touched: number[] = [];
    // Group vocabulary candidates per query token (and per adjacent pair, for joined forms).
    const groups: { vocab: number[]; weight: number }[] = [];
    for (let i = 0; i < qt.length; i++) {
      const w = tokenWeight(qt[i], this.stats);
      const vocab = this.lookup(qt[i]);
      for (const s of this.splits(qt[i])) vocab.push(...s);
      groups.push({ vocab, weight: w });
      if (i + 1 < qt.length) {
        const text = qt[i].text + qt[i + 1].text;
        const joined = this.byKey.get(this.matcher.keyOf(text));
        if (joined) groups.push({ vocab: joined, weight: w });
      }
    }
    const sizes = groups.map((g) => g.vocab.reduce((s, v) => s + postStart[v + 1] - postStart[v], 0));
    const smallest = Math.min(...sizes);
    for (let gi = 0; gi < groups.length; gi++) {
      // A very common token only scores; the rarer ones find the candidates.
      if (sizes[gi] > LONG_POSTINGS && sizes[gi] !== smallest) continue;
      const g = groups[gi];
      if (++this.stampNo >= 0xffffffff) {
        this.stampNo = 1;
        stamp.fill(0);
      }
      const mark = this.stampNo;
      const seenVocab = new Set<number>();
      for (const v of g.vocab) {
        if (seenVocab.has(v)) continue;
        seenVocab.add(v);
        for (let p = postStart[v], e = postStart[v + 1]; p < e; p++) {
          const r = post[p];
          if (stamp[r] === mark) continue;
          if (acc[r] === 0) touched.push(r);
          stamp[r] = mark;
          acc[r] += g.weight;
        }
      }
    }
    let top = 0;
    for (const r of touched) if (acc[r] > top) top = acc[r];
    const floor = top * 0.5;
    let picked = touched.filter((r) => acc[r] >= floor);
    if (picked.length > CANDIDATES) {
      picked.sort((a, b) => acc[b] - acc[a]);
      picked = picked.slice(0, CANDIDATES);
    }
    for (const r of touched) acc[r] = 0;
    return picked;
  }

  private recordTokens(rec: number): NameToken[] {
    const out: NameToken[] = [];
    for (let i = this.recStart[rec]; i < this.recStart[rec + 1]; i++) out.push(this.vocabTok[this.recTok[i]]);
    return out;
  }

  private scoreCandidate(
    qt: NameToken[],
    rec: number,
    opts: ScreeningQueryOptions,
    best: Map<number, { score: number; rec: number; toks: NameToken[] }>,
  ): void {
    const ent = this.recEntityArr![rec];
    if (opts.schema && !schemaFits(opts.schema, this.schemaTable[this.entSchema[ent]])) return;
    const ct = this.recordTokens(rec);
    const wa = qt.map((t) => tokenWeight(t, this.stats));
    const wb = ct.map((t) => tokenWeight(t, this.stats));
    let score = alignTokens(qt, ct, wa, wb, this.matcher.keyOf).score;
    const effect =
      compareDates(opts.birthDate ? [opts.birthDate] : [], this.entDob.get(ent)).effect +
      compareNationalities(opts.nationality ? [opts.nationality] : [], this.entNat.get(ent)).effect;
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

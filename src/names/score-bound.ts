/**
 * Upper bounds of alignTokens' score of a screening query against an indexed name, so that the
 * index skips the full alignment of names that cannot reach the threshold (they would be
 * dropped anyway): results stay those of the full alignment.
 *
 * alignTokens chooses disjoint edges (token to token, a joined pair to a token, pair to pair)
 * and scores the sum of similarity times the weight of the edge's tokens over the weight of
 * all tokens; so no alignment scores more than each token counted at the best similarity of
 * any edge it is in. Two stages: a quick one bounds each edge's similarity from lengths and
 * letter masks (similarity.ts, *Bound; for a Hangul syllable against a Latin token, those of
 * the range of its spellings too); the precise one computes the edges' similarities (skipping
 * those that are surely 0), memoised by vocabulary entry for the query.
 */
import type { NameModel } from "./model.ts";
import { phoneticKey, uncachedKey, type NameToken } from "./normalise.ts";
import {
  ABJAD,
  editSimilarityBound,
  envelopeOf,
  envelopeSimilarity,
  joinedSim,
  joinedSimBound,
  letterMask,
  SHAPE,
  SHIFTED_BOUNDARY,
  shiftedSim,
  SPELLED,
  surelyNotJoined,
  surelyUnlike,
  tokenFlags,
  tokenSimilarity,
  tokenSimilarityBound,
  unitFlags,
  units,
  unitSpellings,
  writeShape,
  type Unit,
} from "./similarity.ts";

/** One query's tokens and weights, its joined pairs, their shapes, and memoised similarities to vocabulary entries. */
export interface BoundQuery {
  tokens: NameToken[];
  weights: number[];
  weightSum: number;
  units: Unit[];
  shapes: Int32Array;
  unitShapes: Int32Array;
  single: Map<number, number>[];
  joined: Map<number, number>[];
  /** Envelopes (envelopeOf) of the spellings of the tokens and units that are Hangul, null for the others. */
  envelopes: (Int32Array | null)[];
  unitEnvelopes: (Int32Array | null)[];
  /**
   * When a joined pair of a name (ScoreBounds' pair id) or the query token (unit) it is compared
   * with is Hangul and the other not: its joinedSim to query token i, at id * tokens + i, and its
   * shiftedSim to query unit u, at id * units + u. Hangul pairs recur (given names repeat) and
   * compare through dozens of spellings.
   */
  spelledPairs: Map<number, number>;
  spelledShifts: Map<number, number>;
}

function shapesOf(items: [number, string, string][]): Int32Array {
  const out = new Int32Array(items.length * SHAPE);
  items.forEach(([flags, text, key], i) => writeShape(out, i * SHAPE, flags, text, key));
  return out;
}

export function boundQuery(tokens: NameToken[], weights: number[], keyOf: (s: string) => string): BoundQuery {
  const us = units(tokens, keyOf);
  return {
    tokens,
    weights,
    weightSum: weights.reduce((a, b) => a + b, 0),
    units: us,
    shapes: shapesOf(tokens.map((t) => [tokenFlags(t), t.text, t.key])),
    unitShapes: shapesOf(us.map((u) => [unitFlags(u), u.text, u.key])),
    single: tokens.map(() => new Map()),
    joined: us.map(() => new Map()),
    envelopes: tokens.map((t) => (t.spellings !== null ? envelopeOf(t.spellings) : null)),
    unitEnvelopes: us.map((u) => (u.spellings !== null ? envelopeOf(u.spellings) : null)),
    spelledPairs: new Map(),
    spelledShifts: new Map(),
  };
}

export class ScoreBounds {
  private readonly vocab: NameToken[];
  private readonly vocabWeight: Float64Array;
  private readonly vocabShape: Int32Array;
  private readonly recStart: Int32Array;
  private readonly recTok: Int32Array;
  /**
   * Phonetic keys of joined pairs of tokens: unitKey[pairOf[p]] for a name's tokens p and p + 1
   * (p a position in recTok); at 2i and 2i + 1 of unitKeyShape, the length and letter mask of unitKey[i].
   */
  private readonly pairOf: Int32Array;
  private readonly unitKey: string[] = [];
  private readonly unitKeyShape: Int32Array;
  /** The shape of the name's joined pair being compared. */
  private readonly pairShape = new Int32Array(SHAPE);
  /** Per name: the best similarity of any edge to each query token and each of the name's tokens. */
  private bestQ = new Float64Array(16);
  private bestC = new Float64Array(16);
  /** Keys of the spellings of joined Hangul syllables, as alignTokens makes them. */
  private readonly keyOf: (s: string) => string;
  /** Envelopes of the spellings of joined pairs holding a Hangul syllable, by pair id. */
  private readonly pairEnvelopes = new Map<number, Int32Array>();

  constructor(model: NameModel, vocab: NameToken[], vocabWeight: Float64Array, recStart: Int32Array, recTok: Int32Array) {
    this.vocab = vocab;
    this.vocabWeight = vocabWeight;
    this.recStart = recStart;
    this.recTok = recTok;
    this.keyOf = (s) => phoneticKey(model, s);
    this.vocabShape = new Int32Array(vocab.length * SHAPE);
    vocab.forEach((t, v) => writeShape(this.vocabShape, v * SHAPE, tokenFlags(t), t.text, t.key));
    // Joined pairs are keyed once here rather than per query (the same key alignTokens computes), once per pair of entries.
    this.pairOf = new Int32Array(recTok.length);
    const ids = new Map<number, number>(), shape: number[] = [];
    for (let r = 0; r + 1 < recStart.length; r++) {
      for (let p = recStart[r]; p + 1 < recStart[r + 1]; p++) {
        const pair = recTok[p] * vocab.length + recTok[p + 1];
        let id = ids.get(pair);
        if (id === undefined) {
          const key = uncachedKey(model, vocab[recTok[p]].text + vocab[recTok[p + 1]].text);
          ids.set(pair, (id = this.unitKey.length));
          this.unitKey.push(key);
          shape.push(key.length, letterMask(key));
        }
        this.pairOf[p] = id;
      }
    }
    this.unitKeyShape = Int32Array.from(shape);
  }

  /** An upper bound of alignTokens' score of the query against name `rec`; quick (not `precise`): no edit distance computed. */
  bound(q: BoundQuery, rec: number, precise: boolean): number {
    const recTok = this.recTok, vt = this.vocab, vs = this.vocabShape, qs = q.shapes, us = q.unitShapes;
    const from = this.recStart[rec], m = this.recStart[rec + 1] - from, n = q.tokens.length;
    if (this.bestQ.length < n) this.bestQ = new Float64Array(2 * n);
    if (this.bestC.length < m) this.bestC = new Float64Array(2 * m);
    const bq = this.bestQ.fill(0, 0, n), bc = this.bestC.fill(0, 0, m);
    for (let i = 0; i < n; i++) {
      const memo = q.single[i], a = q.tokens[i];
      for (let j = 0; j < m; j++) {
        const v = recTok[from + j];
        let s: number | undefined;
        if (!precise) s = tokenSimilarityBound(qs, i * SHAPE, vs, v * SHAPE, this.spellingsOf(q.envelopes[i], qs[i * SHAPE], v));
        else if ((s = memo.get(v)) === undefined) memo.set(v, (s = surelyUnlike(qs, i * SHAPE, vs, v * SHAPE) ? 0 : tokenSimilarity(a, vt[v]).sim));
        if (s > bq[i]) bq[i] = s;
        if (s > bc[j]) bc[j] = s;
      }
    }
    if (n > 1 || m > 1) {
      // One token spelled as two, on either side, and a word boundary in another place.
      for (let u = 0; u < q.units.length; u++) {
        const memo = q.joined[u], qu = q.units[u];
        for (let j = 0; j < m; j++) {
          const v = recTok[from + j];
          let s: number | undefined;
          if (!precise) s = joinedSimBound(us, u * SHAPE, vs, v * SHAPE, this.spellingsOf(q.unitEnvelopes[u], us[u * SHAPE], v));
          else if ((s = memo.get(v)) === undefined) memo.set(v, (s = surelyNotJoined(us, u * SHAPE, vs, v * SHAPE) ? 0 : joinedSim(qu, vt[v])));
          if (s > bq[u]) bq[u] = s;
          if (s > bq[u + 1]) bq[u + 1] = s;
          if (s > bc[j]) bc[j] = s;
        }
      }
      const ps = this.pairShape, keyShape = this.unitKeyShape;
      for (let j = 0; j + 1 < m; j++) {
        const a = recTok[from + j] * SHAPE, b = recTok[from + j + 1] * SHAPE;
        // As unitFlags: abjad after the first token, spelled when either is a Hangul syllable.
        ps[0] = (vs[a] & ABJAD) | ((vs[a] | vs[b]) & SPELLED);
        ps[1] = vs[a + 1] + vs[b + 1];
        ps[2] = vs[a + 2] | vs[b + 2];
        const id = this.pairOf[from + j];
        ps[3] = keyShape[2 * id];
        ps[4] = keyShape[2 * id + 1];
        let pair: Unit | null = null;
        let sc = 0;
        for (let i = 0; i < n; i++) {
          let s: number | undefined;
          const spelled = ((ps[0] ^ qs[i * SHAPE]) & SPELLED) !== 0;
          if (!precise) s = joinedSimBound(ps, 0, qs, i * SHAPE, spelled ? ((ps[0] & SPELLED) !== 0 ? this.pairEnvelope(rec, j) : q.envelopes[i]) : null);
          else if (surelyNotJoined(ps, 0, qs, i * SHAPE)) continue;
          else if (!spelled) s = joinedSim((pair ??= this.pairUnit(rec, j)), q.tokens[i]);
          else if ((s = q.spelledPairs.get(id * n + i)) === undefined) q.spelledPairs.set(id * n + i, (s = joinedSim((pair ??= this.pairUnit(rec, j)), q.tokens[i])));
          if (s > bq[i]) bq[i] = s;
          if (s > sc) sc = s;
        }
        for (let u = 0; u < q.units.length; u++) {
          const spelled = ((us[u * SHAPE] ^ ps[0]) & SPELLED) !== 0;
          let s = editSimilarityBound(us[u * SHAPE + 1], us[u * SHAPE + 2], ps[1], ps[2]);
          // Hangul against Latin: the spellings' texts against the other's.
          if (spelled) {
            s =
              (ps[0] & SPELLED) !== 0
                ? Math.max(s, envelopeSimilarity(this.pairEnvelope(rec, j), 0, us[u * SHAPE + 1], us[u * SHAPE + 2]))
                : Math.max(s, envelopeSimilarity(q.unitEnvelopes[u]!, 0, ps[1], ps[2]));
          }
          if (s < SHIFTED_BOUNDARY) continue;
          if (precise) {
            const at = id * q.units.length + u;
            let m = spelled ? q.spelledShifts.get(at) : undefined;
            if (m === undefined) {
              m = shiftedSim(q.units[u], (pair ??= this.pairUnit(rec, j)));
              if (spelled) q.spelledShifts.set(at, m);
            }
            if ((s = m) === 0) continue;
          } else s *= 0.97;
          if (s > bq[u]) bq[u] = s;
          if (s > bq[u + 1]) bq[u + 1] = s;
          if (s > sc) sc = s;
        }
        if (sc > bc[j]) bc[j] = sc;
        if (sc > bc[j + 1]) bc[j + 1] = sc;
      }
    }
    let num = 0, den = q.weightSum;
    for (let i = 0; i < n; i++) num += q.weights[i] * bq[i];
    for (let j = 0; j < m; j++) {
      const w = this.vocabWeight[recTok[from + j]];
      num += w * bc[j];
      den += w;
    }
    return den > 0 ? num / den : 0;
  }

  /**
   * The envelope of the spellings of whichever of a query token (or unit: envelope `e`, flags
   * `flags`) and entry v is Hangul when the other is not; null when they compare as written.
   */
  private spellingsOf(e: Int32Array | null, flags: number, v: number): Int32Array | null {
    const vf = this.vocabShape[v * SHAPE];
    if (((flags ^ vf) & SPELLED) === 0) return null;
    return (vf & SPELLED) !== 0 ? envelopeOf(this.vocab[v].spellings!) : e;
  }

  /** The envelope of the spellings of tokens j and j + 1 of name `rec` joined, one of them Hangul. */
  private pairEnvelope(rec: number, j: number): Int32Array {
    const p = this.recStart[rec] + j, id = this.pairOf[p];
    let e = this.pairEnvelopes.get(id);
    if (!e) this.pairEnvelopes.set(id, (e = envelopeOf(unitSpellings(this.vocab[this.recTok[p]], this.vocab[this.recTok[p + 1]], this.keyOf)!)));
    return e;
  }

  /** Tokens j and j + 1 of name `rec` joined, as alignTokens makes them. */
  private pairUnit(rec: number, j: number): Unit {
    const p = this.recStart[rec] + j, a = this.vocab[this.recTok[p]], b = this.vocab[this.recTok[p + 1]];
    return { idx: [j, j + 1], text: a.text + b.text, key: this.unitKey[this.pairOf[p]], abjad: a.skeleton !== null, spellings: unitSpellings(a, b, this.keyOf) };
  }
}

/**
 * Posting lists of a screening index, and the search for the names that weigh most for a
 * query. A query is a list of groups of vocabulary entries (one group per query token and per
 * adjacent pair joined); a name weighs the sum, over groups, of the group's weight when it
 * holds one of the group's exact entries, NEIGHBOUR_FACTOR of it when only a neighbour.
 *
 * The search returns exactly the heaviest names a walk of every list would rank first, but:
 * - a posting carries its name's other tokens, and the query marks each vocabulary entry with
 *   the groups it is in (bit masks), so a name's whole weight is known where it is found, with
 *   no jump to scattered per-name memory;
 * - a name in two groups or more is found in a group other than the largest, and once the best
 *   names outweigh all that the groups not yet walked could give, a name only they hold cannot
 *   catch up: those groups are not walked;
 * - postings are ordered by the name's own weight, so the best names held by one unwalked group
 *   alone are the heads of its lists.
 * Among names of equal weight, those with fewer tokens matching no group rank first, then the
 * lighter ones (less weight left unmatched), then index order.
 */

/**
 * Vocabulary entries a query token blocks on, and how many names they hold in all. The first
 * `exact` entries share the token's phonetic key; the rest are neighbours (an edit away, same
 * skeleton, or a split), which count a little less so that, among names sharing as many
 * tokens, the closer spellings are scored first.
 */
export interface TokenPlan {
  vocab: Int32Array;
  exact: number;
  size: number;
}

export interface Group extends TokenPlan {
  weight: number;
}

export const NEIGHBOUR_FACTOR = 0.9;
/** How many names the search returns, and how many names a group may hold before it only adds weight. */
export const CANDIDATES = 24;
const LONG_POSTINGS = 20_000;
/**
 * A posting is its record in the low REC_BITS of an int and, in the bits above, how many of the
 * name's other tokens follow inline; LONG_NAME (a name of more than INLINE_TOKENS tokens): none
 * follow, the name's tokens are in the record table.
 */
const REC_BITS = 27;
const REC_MASK = (1 << REC_BITS) - 1;
const LONG_NAME = 15;
const INLINE_TOKENS = 12;

export class Postings {
  /** The tokens of record r are recTok[recStart[r] .. recStart[r + 1]). */
  private readonly recStart: Int32Array;
  private readonly recTok: Int32Array;
  /** Sum of the token weights of each record: among equal weights and as many tokens unmatched, lighter names rank first. */
  private readonly own: Float32Array;
  /**
   * Postings of vocabulary entry v: post[start[v] .. start[v + 1]), one per name holding v,
   * lightest first: [record and k, the name's k tokens other than v].
   */
  private readonly start: Int32Array;
  private readonly post: Int32Array;
  /** Number of names holding each vocabulary entry. */
  private readonly names: Int32Array;
  /** Per query: bit g of exactMask[v * maskStride + (g >> 5)] says entry v is exact in group g; nearMask, a neighbour. */
  private exactMask: Uint32Array;
  private nearMask: Uint32Array;
  private maskStride = 1;
  /** Words of the masks the current query uses (32 groups a word). */
  private maskWords = 1;
  /** Per query: the group weights for an exact and for a neighbour entry. */
  private wExact = new Float64Array(64);
  private wNear = new Float64Array(64);
  /** Per query: the best names so far, best first (weight, unmatched tokens, own weight, record). */
  private topRec = new Int32Array(CANDIDATES);
  private topAcc = new Float64Array(CANDIDATES);
  private topLeft = new Int32Array(CANDIDATES);
  private topOwn = new Float64Array(CANDIDATES);
  private topN = 0;
  /** Of the last posting weighed: where the next one starts, and how many of its name's tokens match no group. */
  private next = 0;
  private left = 0;

  constructor(recStart: Int32Array, recTok: Int32Array, own: Float32Array, vocabSize: number) {
    const R = recStart.length - 1, V = vocabSize;
    if (R > REC_MASK) throw new RangeError("screening index too large");
    this.recStart = recStart;
    this.recTok = recTok;
    this.own = own;
    // Lightest names first, then index order: the order in which equal weights rank.
    const order = new Int32Array(R);
    for (let r = 0; r < R; r++) order[r] = r;
    order.sort((a, b) => own[a] - own[b] || a - b);
    const first = (r: number, i: number) => {
      for (let j = recStart[r]; j < i; j++) if (recTok[j] === recTok[i]) return false;
      return true;
    };
    const inline = (r: number) => recStart[r + 1] - recStart[r] <= INLINE_TOKENS;
    const others = (r: number, v: number) => {
      let k = 0;
      for (let j = recStart[r]; j < recStart[r + 1]; j++) if (recTok[j] !== v) k++;
      return k;
    };
    const names = new Int32Array(V), size = new Float64Array(V);
    for (let r = 0; r < R; r++) {
      for (let i = recStart[r]; i < recStart[r + 1]; i++) {
        if (!first(r, i)) continue;
        names[recTok[i]]++;
        size[recTok[i]] += 1 + (inline(r) ? others(r, recTok[i]) : 0);
      }
    }
    const start = new Int32Array(V + 1);
    let total = 0;
    for (let v = 0; v < V; v++) {
      total += size[v];
      if (total > 2 ** 31 - 1) throw new RangeError("screening index too large");
      start[v + 1] = total;
    }
    const post = new Int32Array(total), fill = start.slice(0, V);
    for (let k = 0; k < R; k++) {
      const r = order[k];
      for (let i = recStart[r]; i < recStart[r + 1]; i++) {
        if (!first(r, i)) continue;
        const v = recTok[i];
        let p = fill[v];
        post[p++] = r | ((inline(r) ? others(r, v) : LONG_NAME) << REC_BITS);
        if (inline(r)) for (let j = recStart[r]; j < recStart[r + 1]; j++) if (recTok[j] !== v) post[p++] = recTok[j];
        fill[v] = p;
      }
    }
    this.start = start;
    this.post = post;
    this.names = names;
    this.exactMask = new Uint32Array(V);
    this.nearMask = new Uint32Array(V);
  }

  /** How many names hold vocabulary entry v. */
  count(v: number): number {
    return this.names[v];
  }

  /**
   * The CANDIDATES best names (heaviest; ties: fewer tokens left unmatched, lighter, earlier), of
   * weight at least half the heaviest's. A group of a very common token (unless it is the
   * smallest) finds no name: it only adds weight to the names the others find, so that it
   * cannot crowd them out.
   */
  heaviest(groups: Group[]): number[] {
    this.markGroups(groups, true);
    this.topN = 0;
    let smallest = Infinity;
    for (const g of groups) if (g.size < smallest) smallest = g.size;
    const common = (g: number) => groups[g].size > LONG_POSTINGS && groups[g].size !== smallest;
    let commonWeight = 0;
    for (let g = 0; g < groups.length; g++) if (common(g)) commonWeight += groups[g].weight;
    // Finding groups, smallest first; the largest is not walked (a name it shares with another group is found there).
    const order = groups.map((_, g) => g).filter((g) => !common(g)).sort((a, b) => groups[a].size - groups[b].size);
    let walked = 0;
    for (; walked + 1 < order.length; walked++) {
      // Once the best names outweigh all that the unwalked groups could give, a name found by those alone cannot rank.
      let rest = commonWeight;
      for (let k = walked; k < order.length; k++) rest += groups[order[k]].weight;
      if (this.topN === CANDIDATES && this.topAcc[CANDIDATES - 1] > rest + 1e-9) break;
      this.walk(groups[order[walked]]);
    }
    // A name found by one unwalked group alone weighs that group's share: the heads of its lists. What
    // common groups add to such a name is only known by looking at it: then the group is walked.
    if (commonWeight > 0) for (; walked < order.length; walked++) this.walk(groups[order[walked]]);
    else this.heads(order.slice(walked), groups);
    this.markGroups(groups, false);
    const out: number[] = [];
    for (let i = 0; i < this.topN && this.topAcc[i] >= this.topAcc[0] * 0.5; i++) out.push(this.topRec[i]);
    return out;
  }

  /** Sets (or clears) the group bits of every vocabulary entry of the query's groups. */
  private markGroups(groups: Group[], on: boolean): void {
    if (on) {
      this.maskWords = (groups.length + 31) >> 5;
      if (this.maskWords > this.maskStride) {
        this.maskStride = this.maskWords;
        this.exactMask = new Uint32Array(this.names.length * this.maskStride);
        this.nearMask = new Uint32Array(this.names.length * this.maskStride);
      }
      if (this.wExact.length < groups.length) {
        this.wExact = new Float64Array(2 * groups.length);
        this.wNear = new Float64Array(2 * groups.length);
      }
    }
    const S = this.maskStride, ex = this.exactMask, near = this.nearMask;
    for (let g = 0; g < groups.length; g++) {
      const { vocab, exact, weight } = groups[g];
      this.wExact[g] = weight;
      this.wNear[g] = weight * NEIGHBOUR_FACTOR;
      const word = g >> 5, bit = 1 << (g & 31);
      for (let i = 0; i < vocab.length; i++) {
        const at = vocab[i] * S + word;
        if (!on) ex[at] = near[at] = 0;
        else if (i < exact) ex[at] |= bit;
        else near[at] |= bit;
      }
    }
  }

  /**
   * Weight of the name whose tokens are tok[from .. to), and `also` (-1: none): per group, exact
   * beats neighbour; summed in group order, so a name weighs the same however it is reached.
   * Sets `this.left` to the number of those tokens in no group.
   */
  private weightOf(tok: Int32Array, from: number, to: number, also: number): number {
    const ex = this.exactMask, near = this.nearMask, W = this.maskWords, S = this.maskStride;
    let acc = 0;
    for (let word = 0; word < W; word++) {
      let e = also < 0 ? 0 : ex[also * S + word], n = also < 0 ? 0 : near[also * S + word];
      for (let p = from; p < to; p++) {
        const at = tok[p] * S + word;
        e |= ex[at];
        n |= near[at];
      }
      acc += this.groupsWeight(e, n, word << 5);
    }
    let left = 0;
    for (let p = from; p < to; p++) if (this.inNoGroup(tok[p])) left++;
    this.left = left;
    return acc;
  }

  private inNoGroup(v: number): boolean {
    const S = this.maskStride;
    for (let word = 0; word < this.maskWords; word++) if ((this.exactMask[v * S + word] | this.nearMask[v * S + word]) !== 0) return false;
    return true;
  }

  /** Sum, in group order, of the weights of groups (numbered from `base`) exact in `e` or neighbours in `n`. */
  private groupsWeight(e: number, n: number, base: number): number {
    let acc = 0;
    for (let bits = e | n; bits !== 0; ) {
      const low = bits & -bits;
      const g = base + 31 - Math.clz32(low);
      acc += e & low ? this.wExact[g] : this.wNear[g];
      bits ^= low;
    }
    return acc;
  }

  /** Weight of the name of the posting at `p` in v's list; sets `this.next` to the following posting, and `this.left`. */
  private postingWeight(v: number, p: number): number {
    const post = this.post, k = post[p] >>> REC_BITS;
    if (k !== LONG_NAME) {
      this.next = p + 1 + k;
      return this.weightOf(post, p + 1, p + 1 + k, v);
    }
    this.next = p + 1;
    const r = post[p] & REC_MASK;
    return this.weightOf(this.recTok, this.recStart[r], this.recStart[r + 1], -1);
  }

  /** Every name of a group's lists offered to the best names. */
  private walk(g: Group): void {
    for (let i = 0; i < g.vocab.length; i++) this.walkList(g.vocab[i], this.start[g.vocab[i]], this.start[g.vocab[i] + 1]);
  }

  /** The names of v's list from posting `from` to `end` offered to the best names. */
  private walkList(v: number, from: number, end: number): void {
    const post = this.post, K = CANDIDATES, topAcc = this.topAcc;
    // Names come lightest first: once one of weight x with l tokens unmatched is outranked, so are the rest with as many or more.
    let lostAcc = -1, lostLeft = 0;
    if (this.maskWords !== 1) {
      for (let p = from; p < end; p = this.next) {
        const acc = this.postingWeight(v, p), left = this.left;
        if (this.topN === K && (acc < topAcc[K - 1] || (acc === lostAcc && left >= lostLeft))) continue;
        if (!this.offer(post[p] & REC_MASK, acc, left)) {
          lostAcc = acc;
          lostLeft = left;
        }
      }
      return;
    }
    // The same for queries of up to 32 groups, postingWeight inlined: this loop is most of the search.
    const ex = this.exactMask, near = this.nearMask, S = this.maskStride;
    // What the list's own token gives, which is all most of its names get.
    const e0 = ex[v * S], n0 = near[v * S], acc0 = this.groupsWeight(e0, n0, 0);
    let kth = this.topN === K ? topAcc[K - 1] : -1;
    for (let p = from; p < end; ) {
      const head = post[p], k = head >>> REC_BITS;
      let acc = acc0, left = 0;
      if (k === LONG_NAME) {
        acc = this.postingWeight(v, p);
        left = this.left;
        p++;
      } else {
        let other = 0;
        const qe = p + 1 + k;
        for (let q = p + 1; q < qe; q++) {
          const m = ex[post[q] * S] | near[post[q] * S];
          if (m === 0) left++;
          else other |= m;
        }
        if (other !== 0) {
          let e = e0, n = n0;
          for (let q = p + 1; q < qe; q++) {
            e |= ex[post[q] * S];
            n |= near[post[q] * S];
          }
          acc = this.groupsWeight(e, n, 0);
        }
        p = qe;
      }
      if (acc < kth || (acc === lostAcc && left >= lostLeft)) continue;
      if (!this.offer(head & REC_MASK, acc, left)) {
        lostAcc = acc;
        lostLeft = left;
      }
      if (this.topN === K) kth = topAcc[K - 1];
    }
  }

  /**
   * Names of the given groups in the order (group share, own weight, index), merged across
   * their lists, until the next cannot displace the CANDIDATES best. Lists are taken by share,
   * highest first: a lower share is only reached once every list of a higher one is done.
   * A name found here is held by one of these groups alone: it weighs that group's share.
   */
  private heads(ids: number[], groups: Group[]): void {
    const start = this.start, post = this.post, own = this.own, K = CANDIDATES;
    const lists: { v: number; share: number; at: number; end: number }[] = [];
    for (const g of ids) {
      const plan = groups[g];
      for (let i = 0; i < plan.vocab.length; i++) {
        const v = plan.vocab[i];
        if (start[v] < start[v + 1]) lists.push({ v, share: i < plan.exact ? this.wExact[g] : this.wNear[g], at: start[v], end: start[v + 1] });
      }
    }
    lists.sort((a, b) => b.share - a.share);
    for (let lo = 0; lo < lists.length; ) {
      let hi = lo + 1;
      while (hi < lists.length && lists[hi].share === lists[lo].share) hi++;
      const share = lists[lo].share;
      if (this.topN === K && share < this.topAcc[K - 1]) return;
      for (;;) {
        if (this.topN === K && share === this.topAcc[K - 1] && this.topLeft[K - 1] > 0) {
          // A tie with a last that has tokens left unmatched: any name of this share with fewer may displace it, wherever it is in its list.
          for (let l = lo; l < hi; l++) this.walkList(lists[l].v, lists[l].at, lists[l].end);
          break;
        }
        // The lightest head among the lists of this share.
        let b = -1, bRec = 0, bOwn = 0;
        for (let l = lo; l < hi; l++) {
          if (lists[l].at >= lists[l].end) continue;
          const r = post[lists[l].at] & REC_MASK, o = own[r];
          if (b >= 0 && (o > bOwn || (o === bOwn && r > bRec))) continue;
          b = l;
          bRec = r;
          bOwn = o;
        }
        if (b < 0) break;
        // The head weighs its share (with none left unmatched at best; the tie with some was handled above).
        if (this.topN === K && !this.better(share, 0, bOwn, bRec, this.topAcc[K - 1], this.topLeft[K - 1], this.topOwn[K - 1], this.topRec[K - 1])) return;
        const acc = this.postingWeight(lists[b].v, lists[b].at);
        this.offer(bRec, acc, this.left);
        lists[b].at = this.next;
      }
      lo = hi;
    }
  }

  /** Ranking: heavier first, then fewer tokens left unmatched, lighter, earlier. */
  private better(acc: number, left: number, own: number, rec: number, acc2: number, left2: number, own2: number, rec2: number): boolean {
    if (acc !== acc2) return acc > acc2;
    if (left !== left2) return left < left2;
    return own < own2 || (own === own2 && rec < rec2);
  }

  /** Keeps `rec` (weight acc, `left` tokens in no group) among the CANDIDATES best when it ranks there; false when outranked. */
  private offer(rec: number, acc: number, left: number): boolean {
    const K = CANDIDATES, topRec = this.topRec, topAcc = this.topAcc, topLeft = this.topLeft, topOwn = this.topOwn;
    let n = this.topN;
    if (n === K && (acc < topAcc[K - 1] || (acc === topAcc[K - 1] && left > topLeft[K - 1]))) return false;
    const own = this.own[rec];
    if (n === K && !this.better(acc, left, own, rec, topAcc[K - 1], topLeft[K - 1], topOwn[K - 1], topRec[K - 1])) return false;
    for (let i = 0; i < n; i++) if (topRec[i] === rec) return true;
    let i = n < K ? n++ : K - 1;
    while (i > 0 && this.better(acc, left, own, rec, topAcc[i - 1], topLeft[i - 1], topOwn[i - 1], topRec[i - 1])) {
      topRec[i] = topRec[i - 1];
      topAcc[i] = topAcc[i - 1];
      topLeft[i] = topLeft[i - 1];
      topOwn[i] = topOwn[i - 1];
      i--;
    }
    topRec[i] = rec;
    topAcc[i] = acc;
    topLeft[i] = left;
    topOwn[i] = own;
    this.topN = n;
    return true;
  }
}

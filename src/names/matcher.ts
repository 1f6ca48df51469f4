/**
 * The entry point for comparing names: compiles the lists once and offers normalise and
 * compare. Callers in I/O layers load the lists (src/services/names.ts) and pass them in.
 */
import { compileNameModel, type NameLists, type NameModel } from "./model.ts";
import { normaliseName, phoneticKey, tokeniseForLists, type NormalisedName } from "./normalise.ts";
import { compareNormalised, DEFAULT_THRESHOLD, type CompareOptions, type MatchResult } from "./similarity.ts";

export interface NameMatcher {
  model: NameModel;
  normalise(name: string): NormalisedName;
  /** Score in [0,1] with explanation; `match` is score >= threshold (default DEFAULT_THRESHOLD). */
  compare(a: string, b: string, opts?: CompareOptions & { threshold?: number }): MatchResult & { match: boolean };
  keyOf(token: string): string;
}

export function createNameMatcher(lists: NameLists): NameMatcher {
  const model = compileNameModel(lists, tokeniseForLists);
  const keyOf = (t: string) => phoneticKey(model, t);
  return {
    model,
    keyOf,
    normalise: (name) => normaliseName(model, name),
    compare(a, b, opts = {}) {
      const r = compareNormalised(normaliseName(model, a), normaliseName(model, b), keyOf, opts);
      return { ...r, match: r.score >= (opts.threshold ?? DEFAULT_THRESHOLD) };
    },
  };
}

/**
 * The name lists (titles, ranks, honorifics, variant-spelling rules, particles) compiled into
 * the structures normalisation and similarity use. The lists themselves live in
 * data/names/*.yaml and are read by the services layer; this module receives them as plain
 * data so src/names stays free of I/O.
 */
import { compileKorean, type KoreanLists, type KoreanModel } from "./korean.ts";

export interface TitleGroup {
  description?: string;
  entries: string[];
  /**
   * The group's words are also given names or surnames elsewhere (Burmese Ma, Bo, Sai are
   * Chinese and Thai names too): a name starting with one is read both with and without it.
   */
  alsoNames?: boolean;
}

export interface PhoneticRule {
  from: string;
  to: string;
  why?: string;
}

/** The declarative lists, as read from data/names/. */
export interface NameLists {
  titles: Record<string, TitleGroup>;
  rules: PhoneticRule[];
  particles: string[];
  patronymicSuffixes: string[];
  legalForms: string[];
  /** Spellings of Hangul syllables (data/names/korean.yaml); absent, a syllable has only its transliteration. */
  korean?: KoreanLists;
}

/** Compiled lists. Build once with `compileNameModel` and share. */
export interface NameModel {
  /** Title phrases as normalised token sequences, keyed by first token; longest first. */
  titlesByFirst: Map<string, { tokens: string[]; group: string; alsoName: boolean }[]>;
  /** `needs`: a literal the rule cannot apply without (skips most rules cheaply), or null. */
  rules: { re: RegExp; to: string; needs: string | null }[];
  particles: Set<string>;
  patronymicSuffixes: string[];
  legalForms: Set<string>;
  /** Memo of phonetic keys: names repeat their tokens a great deal. */
  keyCache: Map<string, string>;
  /** Spellings of Hangul syllables, null when the lists have none. */
  korean: KoreanModel | null;
}

/**
 * `tokenise` is the same tokeniser names go through, passed in so title phrases are compared
 * in exactly the form names take (case, diacritics, script, punctuation all folded alike).
 */
export function compileNameModel(lists: NameLists, tokenise: (s: string) => string[]): NameModel {
  const titlesByFirst = new Map<string, { tokens: string[]; group: string; alsoName: boolean }[]>();
  for (const [group, g] of Object.entries(lists.titles)) {
    for (const entry of g.entries) {
      const tokens = tokenise(String(entry));
      if (tokens.length === 0) continue;
      const list = titlesByFirst.get(tokens[0]) ?? [];
      if (!list.some((t) => t.tokens.join(" ") === tokens.join(" "))) list.push({ tokens, group, alsoName: g.alsoNames === true });
      titlesByFirst.set(tokens[0], list);
    }
  }
  for (const list of titlesByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    titlesByFirst,
    rules: lists.rules.map((r) => ({ re: new RegExp(r.from, "g"), to: r.to, needs: /^\^?([a-z]+)\$?$/.exec(r.from)?.[1] ?? null })),
    particles: new Set(lists.particles.map((p) => p.toLowerCase())),
    patronymicSuffixes: [...lists.patronymicSuffixes].map((s) => s.toLowerCase()).sort((a, b) => b.length - a.length),
    legalForms: new Set(lists.legalForms.map((p) => p.toLowerCase())),
    keyCache: new Map(),
    korean: lists.korean ? compileKorean(lists.korean) : null,
  };
}

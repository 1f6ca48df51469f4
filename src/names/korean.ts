/**
 * Korean names in Hangul: the Latin spellings a syllable customarily takes (김 kim/gim, 정
 * jeong/jung/chung/jong, 박 park/pak/bak), built from the lists of data/names/korean.yaml.
 * The transliterator gives a syllable one romanisation; Latin spellings of Korean names mix
 * Revised Romanization, McCune-Reischauer (and the DPRK's system) and customary forms,
 * syllable by syllable, so a Hangul syllable is compared through whichever of its spellings
 * is closest to the other name (similarity.ts).
 */
import { DossierError } from "../errors/index.ts";

/** Letters of a syllable, in the order of Unicode's syllable arithmetic (initial, vowel, final). */
const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const FINALS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
const FIRST_SYLLABLE = 0xac00;
const SYLLABLES = 11172;
const SPELLING = /^[a-z]*$/;

/** The Korean lists as read from data/names/korean.yaml. */
export interface KoreanLists {
  /** Spellings of each letter (ㄱ: g, k), by letter: every initial consonant, vowel and final consonant. */
  initials: Record<string, string[]>;
  vowels: Record<string, string[]>;
  finals: Record<string, string[]>;
  /** Further spellings of an initial consonant before these vowels (ㅅ before ㅣ: sh). */
  initialBeforeVowel: { initial: string; vowels: string[]; add: string[] }[];
  /** Further spellings of a vowel before these final consonants (ㅕ before ㅇ: you). */
  vowelBeforeFinal: { vowel: string; finals: string[]; add: string[] }[];
  /** Customary spellings of particular syllables, mostly surnames (이: lee, yi, rhee). */
  syllables: Record<string, string[]>;
}

/** Compiled Korean lists: spellings by letter index. */
export interface KoreanModel {
  initials: string[][];
  vowels: string[][];
  /** Index 0: no final consonant. */
  finals: string[][];
  /** Extra spellings of initial i before vowel v, at i * VOWELS.length + v. */
  initialBefore: (string[] | undefined)[];
  /** Extra spellings of vowel v before final f, at v * (FINALS.length + 1) + f. */
  vowelBefore: (string[] | undefined)[];
  syllables: Map<string, string[]>;
}

/** True for a precomposed Hangul syllable (one character). */
export function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0) - FIRST_SYLLABLE;
  return ch.length === 1 && c >= 0 && c < SYLLABLES;
}

function fail(file: string, field: string, detail: string): never {
  throw new DossierError("INVALID_DATASET", detail, { file, field });
}

function spellings(v: unknown, file: string, field: string): string[] {
  if (!Array.isArray(v) || v.length === 0) fail(file, field, "expected a non-empty list of spellings");
  const out = v.map((s) => (s === null ? "" : String(s)));
  for (const s of out) if (!SPELLING.test(s)) fail(file, field, `a spelling is lowercase Latin letters: ${s}`);
  return out;
}

function letterTable(raw: unknown, letters: string, file: string, field: string): Record<string, string[]> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) fail(file, field, "expected a mapping of letters to spellings");
  const table = raw as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  for (const l of letters) out[l] = spellings(table[l], file, `${field}.${l}`);
  for (const l of Object.keys(table)) if (!letters.includes(l) || l.length !== 1) fail(file, `${field}.${l}`, "not a letter of this table");
  return out;
}

/** A non-empty list of letters of `of` (one letter, when not a list). */
function letterList(v: unknown, of: string, file: string, field: string): string[] {
  const out = (Array.isArray(v) ? v : [v]).map((l) => String(l ?? ""));
  if (!out.length || out.some((l) => l.length !== 1 || !of.includes(l))) fail(file, field, "expected letters of the table");
  return out;
}

function entries(raw: unknown, file: string, field: string): Record<string, unknown>[] {
  if (!Array.isArray(raw)) fail(file, field, "expected a list");
  return raw.map((r, i) => (r && typeof r === "object" && !Array.isArray(r) ? (r as Record<string, unknown>) : fail(file, `${field}[${i}]`, "expected a mapping")));
}

/** Checks a parsed korean.yaml mapping (no I/O here: the caller reads the file) and types it. */
export function koreanLists(raw: Record<string, unknown>, file: string): KoreanLists {
  const syllables = raw.syllables;
  if (!syllables || typeof syllables !== "object" || Array.isArray(syllables)) fail(file, "syllables", "expected a mapping of syllables to spellings");
  const bySyllable: Record<string, string[]> = {};
  for (const [s, v] of Object.entries(syllables)) {
    if (!isHangulSyllable(s)) fail(file, `syllables.${s}`, "not one Hangul syllable");
    bySyllable[s] = spellings(v, file, `syllables.${s}`);
  }
  return {
    initials: letterTable(raw.initials, INITIALS, file, "initials"),
    vowels: letterTable(raw.vowels, VOWELS, file, "vowels"),
    finals: letterTable(raw.finals, FINALS, file, "finals"),
    initialBeforeVowel: entries(raw.initialBeforeVowel, file, "initialBeforeVowel").map((r, i) => ({
      initial: letterList(r.initial, INITIALS, file, `initialBeforeVowel[${i}].initial`)[0],
      vowels: letterList(r.vowels, VOWELS, file, `initialBeforeVowel[${i}].vowels`),
      add: spellings(r.add, file, `initialBeforeVowel[${i}].add`),
    })),
    vowelBeforeFinal: entries(raw.vowelBeforeFinal, file, "vowelBeforeFinal").map((r, i) => ({
      vowel: letterList(r.vowel, VOWELS, file, `vowelBeforeFinal[${i}].vowel`)[0],
      finals: letterList(r.finals, FINALS, file, `vowelBeforeFinal[${i}].finals`),
      add: spellings(r.add, file, `vowelBeforeFinal[${i}].add`),
    })),
    syllables: bySyllable,
  };
}

export function compileKorean(lists: KoreanLists): KoreanModel {
  const initialBefore: (string[] | undefined)[] = new Array(INITIALS.length * VOWELS.length);
  for (const c of lists.initialBeforeVowel) {
    for (const v of c.vowels) initialBefore[INITIALS.indexOf(c.initial) * VOWELS.length + VOWELS.indexOf(v)] = c.add;
  }
  const vowelBefore: (string[] | undefined)[] = new Array(VOWELS.length * (FINALS.length + 1));
  for (const c of lists.vowelBeforeFinal) {
    for (const f of c.finals) vowelBefore[VOWELS.indexOf(c.vowel) * (FINALS.length + 1) + FINALS.indexOf(f) + 1] = c.add;
  }
  return {
    initials: [...INITIALS].map((l) => lists.initials[l]),
    vowels: [...VOWELS].map((l) => lists.vowels[l]),
    finals: [[""], ...[...FINALS].map((l) => lists.finals[l])],
    initialBefore,
    vowelBefore,
    syllables: new Map(Object.entries(lists.syllables)),
  };
}

/**
 * The Latin spellings of one Hangul syllable: every spelling of its initial, vowel and final
 * (with those they take next to each other), then its customary spellings (Lee, Park, Roh).
 */
export function syllableSpellings(k: KoreanModel, syllable: string): string[] {
  const c = syllable.charCodeAt(0) - FIRST_SYLLABLE;
  const i = Math.floor(c / 588), v = Math.floor((c % 588) / 28), f = c % 28;
  const initials = k.initials[i].concat(k.initialBefore[i * VOWELS.length + v] ?? []);
  const vowels = k.vowels[v].concat(k.vowelBefore[v * (FINALS.length + 1) + f] ?? []);
  const out = new Set<string>();
  for (const a of initials) for (const b of vowels) for (const z of k.finals[f]) out.add(a + b + z);
  for (const s of k.syllables.get(syllable) ?? []) out.add(s);
  return [...out];
}

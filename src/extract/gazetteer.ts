/**
 * Finds known names in token streams: every name, alias and demonym of the gazetteer
 * entries, longest match first. Acronyms written in capitals match only in capitals, so
 * "US" the state is not "us" the pronoun; other names must start with a capital.
 */
import { tokenize, type Token } from "./text.ts";
import type { GazetteerEntry } from "./types.ts";

export interface NameForm {
  entry: GazetteerEntry;
  keys: string[];
  /** Surface tokens, compared exactly when caseSensitive. */
  exact: string[];
  caseSensitive: boolean;
  demonym: boolean;
}

export interface GazetteerHit {
  first: number;
  last: number;
  form: NameForm;
}

export class Gazetteer {
  private index = new Map<string, NameForm[]>();
  readonly byId = new Map<string, GazetteerEntry>();

  constructor(entries: Iterable<GazetteerEntry> = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: GazetteerEntry): void {
    const prior = this.byId.get(entry.id);
    if (!prior) this.byId.set(entry.id, entry);
    const target = prior ?? entry;
    for (const name of [entry.name, ...entry.aliases]) this.addForm(target, name, false);
    for (const d of entry.demonyms ?? []) this.addForm(target, d, true);
  }

  /** Adds one more name for an existing (or new) entry, e.g. an acronym defined in the text. */
  addForm(entry: GazetteerEntry, name: string, demonym: boolean): void {
    const toks = tokenize(name).filter((t) => !(t.text === "." && name.endsWith(".")) || true);
    const words = toks.filter((t, i) => !(t.text === "." && i === toks.length - 1));
    if (words.length === 0) return;
    const caseSensitive = /^[\p{Lu}\p{N}.+\-&]+$/u.test(name.replace(/\s/g, "")) && name.replace(/[^\p{L}]/gu, "").length <= 6;
    const form: NameForm = { entry, keys: words.map((t) => t.key), exact: words.map((t) => t.text), caseSensitive, demonym };
    const list = this.index.get(form.keys[0]) ?? [];
    if (list.some((f) => f.entry.id === entry.id && f.keys.join(" ") === form.keys.join(" ") && f.caseSensitive === caseSensitive)) return;
    list.push(form);
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.index.set(form.keys[0], list);
  }

  /** The longest form starting at token i, if any. */
  matchAt(tokens: Token[], i: number): GazetteerHit | null {
    const t = tokens[i];
    const list = this.index.get(t.key);
    if (!list) return null;
    for (const form of list) {
      const n = form.keys.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const tok = tokens[i + k];
        if (tok.key !== form.keys[k]) ok = false;
        else if (form.caseSensitive && tok.text !== form.exact[k]) ok = false;
        // Words of a name sit next to each other (no gap larger than one space or a hyphen).
        else if (k > 0 && tok.start - tokens[i + k - 1].end > 1) ok = false;
      }
      if (!ok) continue;
      if (!form.caseSensitive && !/^[\p{Lu}\p{N}]/u.test(t.text)) continue;
      // "U.S." ends in a full stop that the tokenizer keeps apart.
      return { first: i, last: i + n - 1, form };
    }
    return null;
  }
}

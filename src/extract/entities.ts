/**
 * Entity recognition: finds who and what a document names. Known names come from the
 * gazetteer (states, bodies, dataset entities); unknown ones from patterns read from the
 * lexicon (a rank or title before a name, a capitalised name ending in a typing head
 * such as "Ministry" or "Meeting", a state's name before "military"), plus acronyms the
 * text defines and "the junta"/"the regime" pointing at the document's main armed actor.
 */
import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from "./dates.ts";
import { Gazetteer, type GazetteerHit } from "./gazetteer.ts";
import { normKey, slug, tokenize, type Token } from "./text.ts";
import type { ExtractedEntity, GazetteerEntry, Lexicon, Mention, Span } from "./types.ts";

const TYPE_PREFIX: Record<string, string> = {
  Person: "person",
  Organization: "org",
  State: "state",
  Body: "body",
  Place: "place",
  Event: "event",
};

export function entityId(type: string, name: string): string {
  return `${TYPE_PREFIX[type] ?? type.toLowerCase()}:${slug(name)}`;
}

/** Word lists turned into lookup structures once per lexicon. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  titleForms: string[][];
  /** Ranks and titles, lowercased and joined: "senior general", "foreign minister". */
  titleNames: Set<string>;
  heads: { keys: string[]; type: string }[];
  headFirst: Set<string>;
  military: string[][];
  government: string[][];
  eventNouns: Set<string>;
  anaphors: string[][];
  representatives: string[][];
  militaryRepresentatives: string[][];
  /** Branch names of armed forces ("Air Force", "Navy"), as words. */
  branches: string[][];
  personnel: string[][];
  /** Lowercase words of titles ("minister", "leader"), for "junta defence minister X". */
  roleWords: Set<string>;
  bodyNouns: string[][];
  notNames: Set<string>;
  functionWords: Set<string>;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const forms = (list: string[]) =>
    list.map((s) => tokenize(s).filter((t) => t.text !== ".").map((t) => t.text)).sort((a, b) => b.length - a.length);
  const keys = (list: string[]) => forms(list).map((f) => f.map(normKey));
  const heads: { keys: string[]; type: string }[] = [];
  for (const [type, list] of Object.entries(lexicon.heads)) for (const k of keys(list)) heads.push({ keys: k, type });
  heads.sort((a, b) => b.keys.length - a.keys.length);
  return {
    lexicon,
    titleForms: forms([...lexicon.ranks, ...lexicon.titles]),
    titleNames: new Set([...lexicon.ranks, ...lexicon.titles].map((t) => t.toLowerCase().replace(/\.$/, ""))),
    heads,
    headFirst: new Set(heads.map((h) => h.keys[0])),
    military: keys(lexicon.military),
    government: keys(lexicon.government),
    eventNouns: new Set(lexicon.eventNouns.map(normKey)),
    anaphors: keys(lexicon.anaphors),
    representatives: keys(lexicon.representatives),
    militaryRepresentatives: keys(lexicon.militaryRepresentatives),
    branches: keys(lexicon.branches),
    personnel: keys(lexicon.personnel),
    roleWords: new Set([...lexicon.titles, ...lexicon.ranks, "leader", "chief", "head", "spokesperson", "spokesman", "defence", "defense", "foreign", "deputy", "senior"].flatMap((t) => t.toLowerCase().split(/\s+/)).filter((w) => w.length > 3 && /^\p{L}+$/u.test(w))),
    bodyNouns: keys(lexicon.bodyNouns),
    notNames: new Set(lexicon.notNames),
    functionWords: new Set(lexicon.functionWords),
  };
}

interface Candidate {
  first: number;
  last: number;
  priority: number;
  make: () => Mention | null;
}

const MAIN = "@main";
const BRANCH_OF = "@branch:";
/** Event nouns that may refer back to any gathering, whatever it was called ("the session" for "a meeting"). */
const GATHERINGS = new Set(["meeting", "session", "talk", "gathering", "event", "discussion", "consultation", "round"]);
/** Event nouns that name the same kind of event. */
const EVENT_KIN = [["exercise", "drill", "manoeuvre", "maneuver", "war game"], ["meeting", "session", "talk", "consultation"]];
const GROUP = "@group";
const EVENT_OF = "@event:";
const CAP = /^\p{Lu}/u;
const LOWER_WORD = /^\p{Ll}[\p{Ll}\-]*$/u;
const STOP = new Set(
  "last first next same recent previous following several many two three four five six seven eight nine ten the a an of in on at to for with by from and or as its their his her our this that these those all some any each every other such more most than is are was were be been has have had which who whose it also not no into over under between among during since after before about against".split(" "),
);

/** Registry of the document's entities and their mentions. */
export class EntityTable {
  readonly entities = new Map<string, ExtractedEntity>();
  ensure(id: string, type: string, name: string, attributes?: Record<string, unknown>): ExtractedEntity {
    let e = this.entities.get(id);
    if (!e) {
      e = { id, type, name, aliases: [], mentions: [] };
      if (attributes && Object.keys(attributes).length) e.attributes = { ...attributes };
      this.entities.set(id, e);
    }
    return e;
  }
  note(m: Mention, surface: string): void {
    const e = this.entities.get(m.entity);
    if (!e) return;
    e.mentions.push({ start: m.start, end: m.end });
    const s = surface.replace(/[’]/g, "'");
    if (s !== e.name && !e.aliases.includes(s) && s.length < 80 && m.via !== "anaphor" && m.via !== "pronoun") e.aliases.push(s);
  }
}

export interface Recognised {
  mentions: Mention[];
  table: EntityTable;
  /** The document's main armed actor, if any ("the junta" resolves to it). */
  main: string | null;
}

/**
 * Recognises the entities of a document. Two passes: the first learns acronyms defined
 * in the text and the bare names of titled persons, the second applies them.
 */
export function recogniseEntities(
  text: string,
  sentences: Span[],
  gazetteer: Gazetteer,
  lex: CompiledLexicon,
): Recognised {
  const tokensBySentence = sentences.map((s) => tokenize(text, s.start, s.end).filter((t) => t.end <= s.end));
  const learnedAfter = new Map<string, number>();
  const table = new EntityTable();
  const bySentence = runPass(tokensBySentence, gazetteer, lex, learnedAfter, table, null);
  const learnedKeys = learn(text, bySentence.flat(), table, gazetteer, lex, learnedAfter);
  if (learnedKeys.size) {
    // Only sentences that hold a learned name can change.
    const redo = tokensBySentence.map((toks) => toks.some((t) => learnedKeys.has(t.key) || (t.key.includes("-") && learnedKeys.has(t.key.split("-")[0]))));
    const again = runPass(tokensBySentence, gazetteer, lex, learnedAfter, table, redo);
    for (let k = 0; k < redo.length; k++) if (redo[k]) bySentence[k] = again[k];
  }
  const mentions = bySentence.flat();

  // The main armed actor: the most-mentioned military organisation of a state.
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.entity !== MAIN && isArmedForces(m, table)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  let main: string | null = null;
  let best = 0;
  for (const [id, n] of counts) if (n > best) [main, best] = [id, n];
  if (!main) {
    // No armed force named outright: "the junta" is the military of the state the document speaks of most.
    const states = new Map<string, number>();
    for (const m of mentions) {
      const country = m.type === "State" ? m.entity : table.entities.get(m.entity)?.attributes?.country;
      if (typeof country === "string") states.set(country, (states.get(country) ?? 0) + 1);
    }
    const top = [...states].sort((a, b) => b[1] - a[1])[0]?.[0];
    const state = top ? gazetteer.byId.get(top) : undefined;
    if (state && mentions.some((m) => m.entity === MAIN)) main = ensureMilitary(table, state);
  }

  const out: Mention[] = [];
  /** Who was last introduced with each title ("senior general" -> Min Aung Hlaing), for "the Senior General" later. */
  const titled = new Map<string, string>();
  let lastPerson: Mention | null = null;
  let lastGroup: Mention | null = null;
  const lastEvents: Mention[] = [];
  for (const m of mentions) {
    if (m.entity.startsWith(EVENT_OF)) {
      const noun = m.entity.slice(EVENT_OF.length);
      const recent = [...lastEvents].reverse().filter((e) => m.start - e.end < 2000);
      // "the summit" is the summit last named, "the drill" the exercise; "the session", "the
      // meeting" may be any gathering.
      const kin = EVENT_KIN.find((k) => k.includes(noun)) ?? [noun];
      const ref = recent.find((e) => kin.some((w) => (table.entities.get(e.entity)?.name ?? "").toLowerCase().includes(w))) ?? (GATHERINGS.has(noun) ? recent[0] : undefined);
      if (!ref) continue;
      m.entity = ref.entity;
      // It names what its referent names: the body of "a meeting of the X Working Group".
      if (ref.inner) m.inner = ref.inner;
    } else if (m.type === "Event") lastEvents.push(m);
    if (m.entity.startsWith(BRANCH_OF)) {
      // "the air force": the air force last named.
      const branch = m.entity.slice(BRANCH_OF.length);
      const ref = [...out].reverse().find((x) => x.start < m.start && m.start - x.end < 3000 && (table.entities.get(x.entity)?.name ?? "").toLowerCase().endsWith(branch));
      // None named: "the army" is the main armed actor itself, "the navy" its navy.
      const country = main ? table.entities.get(main)?.attributes?.country : undefined;
      if (ref) m.entity = ref.entity;
      else if (branch === "army" && main) m.entity = main;
      else if (typeof country === "string") {
        const state = gazetteer.byId.get(country);
        const name = `${state?.adjective ?? state?.name ?? country} ${branch.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())}`;
        m.entity = table.ensure(entityId("Organization", `${country.replace(/^state:/, "")} ${branch}`), "Organization", name, { country }).id;
      } else continue;
    }
    if (m.entity === GROUP) {
      if (!lastGroup || m.start - lastGroup.end > 1500) continue;
      m.entity = lastGroup.entity;
      m.type = lastGroup.type;
    } else if (m.type === "Body" && /group/i.test(table.entities.get(m.entity)?.name ?? "")) lastGroup = m;
    if (m.entity === MAIN) {
      if (!main) continue;
      m.entity = main;
      m.type = "Organization";
    } else if (m.via === "government") {
      // "Myanmar's regime" is its armed forces when the document speaks of them.
      const military = militaryId(m.entity);
      if (m.title === "regime" && table.entities.has(military)) {
        m.entity = military;
        m.type = "Organization";
      }
    } else if (m.via === "pronoun") {
      if (!lastPerson || m.start - lastPerson.end > 400) continue;
      m.entity = lastPerson.entity;
    }
    if (m.type === "Person" && m.via === "unknown") {
      // "the Senior General", "the President": a title alone stands for whoever was last
      // introduced with it, and names nobody when no one was.
      const title = (table.entities.get(m.entity)?.name ?? "").toLowerCase();
      if (lex.titleNames.has(title)) {
        const holder = titled.get(title);
        if (!holder) continue;
        m.entity = holder;
        m.via = "anaphor";
      }
    }
    if (m.type === "Person" && m.title) {
      const words = m.title.toLowerCase().replace(/\./g, "").split(/\s+/);
      for (let k = 0; k < words.length; k++) if (lex.titleNames.has(words.slice(k).join(" "))) titled.set(words.slice(k).join(" "), m.entity);
    }
    if (m.type === "Person" && m.via !== "pronoun") lastPerson = m;
    out.push(m);
    if (m.via !== "pronoun") table.note(m, text.slice(m.start, m.end));
  }
  for (const [id, e] of table.entities) if (e.mentions.length === 0) table.entities.delete(id);
  return { mentions: out, table, main };
}

/** A state's armed forces: found by the military pattern, or so described by its dataset. */
function isArmedForces(m: Mention, table: EntityTable): boolean {
  if (m.via === "military") return true;
  if (m.type !== "Organization") return false;
  const e = table.entities.get(m.entity);
  const kind = String(e?.attributes?.kind ?? "");
  return /armed forces|military|junta/i.test(kind) || /-military$|-armed-forces$/.test(m.entity);
}

function learn(text: string, mentions: Mention[], table: EntityTable, gaz: Gazetteer, lex: CompiledLexicon, after: Map<string, number>): Set<string> {
  const keys = new Set<string>();
  // A name defined in brackets after the full one: an acronym ("(MOGE)") or the name's own
  // leading words ("Royal Skyway Aviation Supplies Pte. Ltd. (Royal Skyway)").
  const defRe = /\(\s*([\p{Lu}][\p{L}\p{N}+\-&]{1,20}(?:\s+[\p{Lu}][\p{L}\p{N}+\-&]*){0,2})\s*\)/gu;
  let m: RegExpExecArray | null;
  let mi = 0;
  const sorted = [...mentions].sort((a, b) => a.end - b.end);
  while ((m = defRe.exec(text))) {
    const acr = m[1];
    const words = acr.split(/\s+/);
    const acronym = words.length === 1 && (acr.match(/\p{Lu}/gu) ?? []).length >= 2;
    while (mi < sorted.length && sorted[mi].end <= m.index) mi++;
    const prev = sorted[mi - 1];
    // Between the name and the bracket: nothing, or the rest of a legal form ("Pte. Ltd.").
    if (!prev || !LEGAL_TAIL.test(text.slice(prev.end, m.index)) || prev.entity === MAIN || prev.type === "Person") continue;
    const e = table.entities.get(prev.entity);
    if (!e) continue;
    const fits = acronym
      ? initialsFit(acr, e.name) || initialsFit(acr, text.slice(prev.start, prev.end))
      : words.every((w, k) => e.name.split(" ")[k] === w) && words.length < e.name.split(" ").length;
    if (!fits) continue;
    const entry: GazetteerEntry = gaz.byId.get(e.id) ?? { id: e.id, type: e.type, name: e.name, aliases: [] };
    if (!gaz.byId.has(e.id)) gaz.add(entry);
    gaz.addForm(entry, acr, false);
    after.set(`${e.id}|${normKey(acr)}`, m.index);
    keys.add(normKey(words[0]));
  }
  // A titled person named later by family name alone ("Colonel-General Alexander Fomin …
  // Fomin met …"): the last word of a name of two or more becomes a form of it, when it is
  // long enough not to be one syllable of many names (Burmese "Win", "Aung") and no other
  // person of the document shares it.
  // Chinese and Korean names put the family name first ("Wang Yi … Wang also met"): the first
  // word counts too when it is not a common given name of the document's other people.
  const bySurname = new Map<string, Set<string>>();
  const note = (w: string | undefined, id: string) => {
    if (w && /^\p{Lu}\p{Ll}{3,}$/u.test(w)) bySurname.set(w, (bySurname.get(w) ?? new Set()).add(id));
  };
  for (const mention of mentions) {
    if (mention.type !== "Person") continue;
    const e = table.entities.get(mention.entity);
    const words = e?.name.split(" ") ?? [];
    if (!e || words.length < 2) continue;
    note(words[words.length - 1], e.id);
    note(words[0], e.id);
  }
  learnShortOrganisationNames(text, mentions, table, gaz, lex, keys);
  // Names found by their title or by the words beside them are known for the second pass.
  for (const mention of mentions) {
    if (mention.via !== "title" && mention.via !== "appositive") continue;
    const e = table.entities.get(mention.entity);
    if (!e) continue;
    if (!gaz.byId.has(e.id)) {
      gaz.add({ id: e.id, type: e.type, name: e.name, aliases: [] });
      keys.add(normKey(e.name.split(" ")[0]));
    }
    if (mention.via !== "title") continue;
    const words = e.name.split(" ");
    const last = words[words.length - 1];
    // A family name of five letters or more ("Fomin"); a first word only when short and two-word ("Wang Yi").
    const forms = [last.length >= 5 ? last : "", words.length === 2 && words[1].length <= 3 ? words[0] : ""];
    for (const w of forms) {
      if (!w || bySurname.get(w)?.size !== 1 || gaz.matchAt(tokenize(w), 0) !== null) continue;
      gaz.addForm(gaz.byId.get(e.id)!, w, false);
      keys.add(normKey(w));
    }
  }
  return keys;
}

/**
 * An organisation named in full and later by its distinctive words: "Eastern Horizon Shipping
 * LLC … Eastern Horizon itself", "the U.S. Treasury Department … Treasury also". The name's
 * own words before its head nouns and legal form (a leading state left out) become a form of
 * it, when they are capitalised name words, one word only if long, and start no other
 * organisation of the document or any known name.
 */
function learnShortOrganisationNames(text: string, mentions: Mention[], table: EntityTable, gaz: Gazetteer, lex: CompiledLexicon, keys: Set<string>): void {
  const found = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== "Organization" || m.via !== "name") continue;
    const toks = tokenize(text.slice(m.start, m.end)).filter((t) => t.text !== ".");
    let start = 0;
    const lead = gaz.matchAt(toks, 0);
    if (lead && lead.form.entry.type === "State") start = lead.last + 1;
    let end = toks.length;
    for (let stripped = true; stripped && end > start; ) {
      stripped = false;
      for (const h of lex.heads) {
        const k = end - h.keys.length;
        if (k > start && h.keys.every((key, q) => toks[k + q].key === key)) {
          end = k;
          stripped = true;
          break;
        }
      }
    }
    const words = toks.slice(start, end);
    if (end === toks.length || !words.length || !words.every((t) => isNameWord(t, lex) && !lex.headFirst.has(t.key))) continue;
    if (words.length === 1 && words[0].text.length < 5) continue;
    const form = words.map((t) => t.text).join(" ");
    found.set(form, (found.get(form) ?? new Set()).add(m.entity));
  }
  for (const [form, ids] of found) {
    if (ids.size !== 1 || gaz.matchAt(tokenize(form), 0) !== null) continue;
    const e = table.entities.get([...ids][0]);
    if (!e) continue;
    if (!gaz.byId.has(e.id)) gaz.add({ id: e.id, type: e.type, name: e.name, aliases: [] });
    gaz.addForm(gaz.byId.get(e.id)!, form, false);
    keys.add(normKey(form.split(" ")[0]));
  }
}

const LEGAL_TAIL = /^\s{0,2}$|^(?:\.?\s*(?:Pte|Ltd|Co|Inc|LLC|Corp|Limited|PLC|JSC|Bhd|Sdn)\.?)+\s*$/;

/** Does an acronym plausibly abbreviate a name? Its letters appear in order among the words' initials. */
function initialsFit(acr: string, name: string): boolean {
  const letters = acr.replace(/[^\p{L}]/gu, "").toUpperCase();
  const words = name.split(/[\s\-]+/).filter((w) => /^\p{L}/u.test(w));
  const initials = words.map((w) => w[0].toUpperCase()).join("");
  if (!letters) return false;
  let j = 0;
  for (const ch of initials) if (j < letters.length && ch === letters[j]) j++;
  if (j === letters.length) return true;
  // Allow letters from inside words (e.g. "ARNEX" for "ASEAN-Russia Naval Exercise").
  const flat = name.toUpperCase();
  let k = 0;
  for (const ch of flat) if (k < letters.length && ch === letters[k]) k++;
  return k === letters.length && letters[0] === initials[0];
}

function runPass(
  bySentence: Token[][],
  gaz: Gazetteer,
  lex: CompiledLexicon,
  learnedAfter: Map<string, number>,
  table: EntityTable,
  only: boolean[] | null,
): Mention[][] {
  const out: Mention[][] = [];
  for (let si = 0; si < bySentence.length; si++) {
    const toks = bySentence[si];
    if (only && !only[si]) {
      out.push([]);
      continue;
    }
    const cands: Candidate[] = [];
    const hits: (GazetteerHit | null)[] = toks.map((_, i) => {
      const h = gaz.matchAt(toks, i);
      if (!h) return null;
      const after = learnedAfter.get(`${h.form.entry.id}|${h.form.keys.join(" ")}`);
      if (after !== undefined && toks[i].start < after) return null;
      return h;
    });
    for (let i = 0; i < toks.length; i++) {
      const h = hits[i];
      if (h) {
        cands.push({ first: h.first, last: h.last, priority: 3, make: () => gazMention(h, toks, table) });
        if (h.form.entry.type === "State") stateCandidates(h, toks, lex, table, cands);
      }
      titleCandidate(i, toks, hits, lex, table, cands);
      anaphorCandidate(i, toks, lex, cands);
      personnelCandidate(i, toks, lex, table, cands);
      knownAsCandidate(i, toks, hits, lex, table, cands);
      if (/^(he|she)$/i.test(toks[i].text))
        cands.push({ first: i, last: i, priority: 0, make: () => ({ start: toks[i].start, end: toks[i].end, entity: "", type: "Person", via: "pronoun" }) });
    }
    capitalisedCandidates(toks, hits, lex, table, cands);
    appositiveCandidates(toks, hits, lex, table, cands);
    eventPhraseCandidates(toks, hits, lex, table, cands);
    // Longest first, then by priority; keep those that do not overlap a kept one.
    cands.sort((a, b) => b.last - b.first - (a.last - a.first) || b.priority - a.priority || a.first - b.first);
    const taken = new Uint8Array(toks.length);
    const kept: Mention[] = [];
    for (const c of cands) {
      let free = true;
      for (let k = c.first; k <= c.last && free; k++) if (taken[k]) free = false;
      if (!free) continue;
      const m = c.make();
      if (!m) continue;
      for (let k = c.first; k <= c.last; k++) taken[k] = 1;
      kept.push(m);
    }
    kept.sort((a, b) => a.start - b.start);
    out.push(kept);
  }
  return out;
}

function gazMention(h: GazetteerHit, toks: Token[], table: EntityTable): Mention {
  const e = h.form.entry;
  table.ensure(e.id, e.type, e.name, e.attributes);
  return { start: toks[h.first].start, end: toks[h.last].end, entity: e.id, type: e.type, via: h.form.demonym ? "demonym" : "gazetteer" };
}

const formIndex = new WeakMap<string[][], Map<string, string[][]>>();

/** Forms grouped by their first word (lowercased), longest first, built once per list. */
function byFirst(forms: string[][]): Map<string, string[][]> {
  let idx = formIndex.get(forms);
  if (!idx) {
    idx = new Map();
    for (const f of forms) {
      const k = f[0].toLowerCase();
      const list = idx.get(k) ?? [];
      list.push(f);
      idx.set(k, list);
    }
    formIndex.set(forms, idx);
  }
  return idx;
}

function matchSeq(toks: Token[], i: number, forms: string[][], exact = false): number {
  const t0 = toks[i];
  if (!t0) return 0;
  const candidates = byFirst(forms).get(t0.key);
  if (!candidates) return 0;
  for (const f of candidates) {
    if (i + f.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < f.length && ok; k++) {
      const t = toks[i + k];
      ok = exact ? t.text === f[k] : t.key === f[k];
      if (ok && k > 0 && t.start - toks[i + k - 1].end > 1) ok = false;
    }
    if (ok) return f.length;
  }
  return 0;
}

function stateAdjective(e: GazetteerEntry): string {
  return e.adjective ?? e.name;
}

/** The id of a state's armed forces ("org:myanmar-military"). */
function militaryId(stateId: string): string {
  return `org:${slug(stateId.replace(/^state:/, ""))}-military`;
}

/** A state's armed forces as an entity of the document ("Myanmar military"), its id returned. */
function ensureMilitary(table: EntityTable, state: GazetteerEntry): string {
  return table.ensure(militaryId(state.id), "Organization", `${stateAdjective(state)} military`, { country: state.id }).id;
}

/** "Myanmar military", "Myanmar's military regime", "the Russian government". */
function stateCandidates(h: GazetteerHit, toks: Token[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  let j = h.last + 1;
  if (toks[j]?.key === "'s") j++;
  const mil = matchSeq(toks, j, lex.military);
  const state = h.form.entry;
  if (mil && LOWER_WORD.test(toks[j].text.replace(/^Tatmadaw$/, "t"))) {
    const last = j + mil - 1;
    cands.push({
      first: h.first,
      last,
      priority: 5,
      make: () => ({ start: toks[h.first].start, end: toks[last].end, entity: ensureMilitary(table, state), type: "Organization", via: "military" }),
    });
    return;
  }
  // "a Russian official", "US troops", "a Thai Vice Admiral": the state acting through its people.
  const rep = matchSeq(toks, h.last + 1, lex.representatives) || (h.form.demonym ? matchSeq(toks, h.last + 1, lex.titleForms, true) : 0);
  if (rep && !(toks[h.last + 1 + rep] && isNameWord(toks[h.last + 1 + rep], lex))) {
    const last = h.last + rep;
    // "Myanmar officers", "Russian troops": the state's military acting through its people.
    const armed = state.type === "State" && matchSeq(toks, h.last + 1, lex.militaryRepresentatives) === rep;
    cands.push({
      first: h.first,
      last,
      priority: 4,
      make: () => {
        if (armed) return { start: toks[h.first].start, end: toks[last].end, entity: ensureMilitary(table, state), type: "Organization", via: "military" };
        table.ensure(state.id, state.type, state.name, state.attributes);
        return { start: toks[h.first].start, end: toks[last].end, entity: state.id, type: state.type, via: "demonym" };
      },
    });
  }
  const gov = matchSeq(toks, j, lex.government);
  if (gov && LOWER_WORD.test(toks[j].text)) {
    const last = j + gov - 1;
    cands.push({
      first: h.first,
      last,
      priority: 5,
      make: () => {
        table.ensure(state.id, "State", state.name);
        return { start: toks[h.first].start, end: toks[last].end, entity: state.id, type: "State", via: "government", title: toks[j].key };
      },
    });
  }
}

const PARTICLE = /^(?:al|el|ad|ar|as|at|an|ash|bin|ibn|bint|abu|van|von|de|da|di|du|le|la|dos|das|del|der)-\p{Lu}/u;

function isNameWord(t: Token | undefined, lex: CompiledLexicon): boolean {
  if (!t) return false;
  if (PARTICLE.test(t.text)) return true;
  if (!/^\p{Lu}[\p{L}\p{M}'’\-.]*$/u.test(t.text)) return false;
  if (lex.notNames.has(t.text) || lex.functionWords.has(t.text)) return false;
  if (/^\p{Lu}+$/u.test(t.text) && t.text.length > 1) return false; // acronyms are not personal names
  return true;
}

/** A rank or title, then a capitalised name: "Lt Gen Sein Win", "Foreign Minister Sergei Lavrov". */
function titleCandidate(i: number, toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  if (!CAP.test(toks[i].text)) return;
  let j = i;
  let n: number;
  const titleParts: string[] = [];
  while ((n = matchSeq(toks, j, lex.titleForms, true))) {
    // A one-letter title (Burmese "U") is followed by a name, not a full stop ("U.S.").
    if (toks[j].text.length === 1 && !(toks[j + 1] && toks[j + 1].text.length > 1 && toks[j + 1].start === toks[j].end + 1)) break;
    titleParts.push(toks.slice(j, j + n).map((t) => t.text).join(" "));
    j += n;
    if (toks[j]?.text === ".") j++;
  }
  if (j === i) return;
  const nameStart = j;
  const known = hits[j] && hits[j]!.form.entry.type === "Person" ? hits[j]!.form.entry : null;
  if (known) j = hits[j]!.last + 1;
  else while (j < toks.length && j - nameStart < 4 && isNameWord(toks[j], lex) && !hits[j] && (j === nameStart || toks[j].start - toks[j - 1].end <= 1)) j++;
  if (j === nameStart) return;
  const last = j - 1;
  const name = known ? known.name : toks.slice(nameStart, j).map((t) => t.text).join(" ").replace(/[’]/g, "'");
  const id = known ? known.id : entityId("Person", name);
  const title = titleParts.join(" ");
  cands.push({
    first: i,
    last,
    priority: 4,
    make: () => {
      table.ensure(id, "Person", name, { title });
      // The mention covers the name; the title stays readable for position claims.
      return { start: toks[nameStart].start, end: toks[last].end, entity: id, type: "Person", via: "title", title, titleStart: toks[i].start };
    },
  });
}

const NUMBER_WORD = /^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|several|many|some|dozens|hundreds|thousands|scores)$/i;

/**
 * "forty-two police officers", "dozens of soldiers": people in service, counted, act as a
 * group (they defect, desert, cross over). Named by the noun ("police officers").
 */
function personnelCandidate(i: number, toks: Token[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  if (!NUMBER_WORD.test(toks[i].text)) return;
  let j = i + 1;
  if (toks[j]?.key === "of") j++;
  // One adjective may stand between ("fourteen junior soldiers"), not a name.
  const n = matchSeq(toks, j, lex.personnel) || (toks[j] && LOWER_WORD.test(toks[j].text) ? matchSeq(toks, ++j, lex.personnel) : 0);
  if (!n || !LOWER_WORD.test(toks[j].text)) return;
  const last = j + n - 1;
  const name = toks.slice(j, last + 1).map((t) => t.key).join(" ");
  const id = entityId("Organization", name);
  cands.push({
    first: i,
    last,
    priority: 1,
    make: () => {
      table.ensure(id, "Organization", name, { kind: "group of personnel" });
      return { start: toks[i].start, end: toks[last].end, entity: id, type: "Organization", via: "group" };
    },
  });
}

/**
 * "The commander of the RSF, widely known as Hemedti": the name a post-holder goes by,
 * one to three capitalised words after "known as", is a person when a post opens the phrase.
 */
function knownAsCandidate(i: number, toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  if (i < 2 || toks[i - 1].key !== "as" || toks[i - 2].key !== "known" || hits[i] || !isNameWord(toks[i], lex)) return;
  const opening = toks.slice(0, i - 2).findIndex((t) => lex.roleWords.has(t.key));
  if (opening < 0 || toks.slice(0, opening).some((t) => t.text === "," || t.text === ";")) return;
  let j = i;
  while (j + 1 < toks.length && j - i < 2 && isNameWord(toks[j + 1], lex) && !hits[j + 1] && toks[j + 1].start - toks[j].end <= 1) j++;
  const name = joinTokens(toks.slice(i, j + 1));
  const id = entityId("Person", name);
  cands.push({ first: i, last: j, priority: 2, make: () => (table.ensure(id, "Person", name), { start: toks[i].start, end: toks[j].end, entity: id, type: "Person", via: "appositive" }) });
}

/** "the summit", "The Summits" (toks[first..last], the noun last): the event of that kind last named, resolved later. */
function eventAnaphor(toks: Token[], first: number, last: number): Candidate {
  const noun = toks[last];
  return { first, last, priority: 0, make: () => ({ start: toks[first].start, end: noun.end, entity: `${EVENT_OF}${noun.key.replace(/s$/, "")}`, type: "Event", via: "anaphor" }) };
}

/** "the junta", "the terrorist junta", "the regime": the document's main armed actor. */
function anaphorCandidate(i: number, toks: Token[], lex: CompiledLexicon, cands: Candidate[]): void {
  // "junta representatives", "regime officials": people acting for the main actor.
  if (toks[i].key !== "the") {
    if (!byFirst(lex.anaphors).has(toks[i].key) || !LOWER_WORD.test(toks[i].text)) return;
    const n = matchSeq(toks, i, lex.anaphors);
    const r = n ? matchSeq(toks, i + n, lex.representatives) : 0;
    const titled = n && toks[i + n] && LOWER_WORD.test(toks[i + n].text) && lex.roleWords.has(toks[i + n].key);
    if (n && (r || titled)) {
      const last = r ? i + n + r - 1 : i + n - 1;
      cands.push({ first: i, last, priority: 2, make: () => ({ start: toks[i].start, end: toks[last].end, entity: MAIN, type: "Organization", via: "anaphor" }) });
    }
    return;
  }
  if (toks[i].key !== "the") return;
  // "the summit", "the exercise", "the two-day session": the event of that kind last named.
  let e = i + 1;
  // Only words that describe a gathering without telling which one ("junta-led", "maritime" name another).
  while (e < i + 3 && toks[e] && /^(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(?:day|week|hour|month)|same|whole|entire|closing|opening|plenary|virtual|online)$/.test(toks[e].text)) e++;
  const nxt = toks[e];
  if (nxt && lex.eventNouns.has(nxt.key) && LOWER_WORD.test(nxt.text) && !(toks[e + 1] && (LOWER_WORD.test(toks[e + 1].text) && !/^(was|were|is|are|has|had|in|on|at|of|and|with|which|that|by|for|to)$/.test(toks[e + 1].key)))) {
    cands.push(eventAnaphor(toks, i, e));
    return;
  }
  // "the air force", "the navy": the branch of that kind last named.
  const b = matchSeq(toks, i + 1, lex.branches);
  if (b && LOWER_WORD.test(toks[i + 1].text)) {
    const last = i + b;
    const branch = toks.slice(i + 1, last + 1).map((t) => t.key).join(" ");
    cands.push({ first: i, last, priority: 2, make: () => ({ start: toks[i].start, end: toks[last].end, entity: `${BRANCH_OF}${branch}`, type: "Organization", via: "anaphor" }) });
    return;
  }
  // "the group", "the working group": the group last named.
  const g = matchSeq(toks, i + 1, [["group"], ["working", "group"], ["body"], ["forum"]]);
  if (g && LOWER_WORD.test(toks[i + 1].text)) {
    const last = i + g;
    cands.push({ first: i, last, priority: 2, make: () => ({ start: toks[i].start, end: toks[last].end, entity: GROUP, type: "Body", via: "anaphor" }) });
    return;
  }
  for (let adj = 0; adj <= 2; adj++) {
    const j = i + 1 + adj;
    if (j >= toks.length) return;
    if (adj > 0 && !LOWER_WORD.test(toks[j - 1].text)) return;
    const n = matchSeq(toks, j, lex.anaphors);
    if (!n) continue;
    if (!LOWER_WORD.test(toks[j].text) && toks[j].text !== "Tatmadaw") continue;
    const next = toks[j + n];
    // "the military level" uses the word as an adjective: not a reference.
    if (next && LOWER_WORD.test(next.text) && !/(ed|s)$/.test(next.text) && !/ly$/.test(next.text) && !/^(has|had|is|was|will|can|could|did|does|also|and|to|in|on|at|of|for|with|as|from|by|now|then|still|later|soon|again|once|never|not)$/.test(next.text)) return;
    if (next && /^(s|es)$/.test(next.text)) return;
    const last = j + n - 1;
    cands.push({ first: i, last, priority: 2, make: () => ({ start: toks[i].start, end: toks[last].end, entity: MAIN, type: "Organization", via: "anaphor" }) });
    return;
  }
}

function headAt(toks: Token[], k: number, lex: CompiledLexicon): { type: string; len: number } | null {
  if (!lex.headFirst.has(toks[k].key)) return null;
  for (const h of lex.heads) {
    if (k + h.keys.length > toks.length) continue;
    let ok = true;
    for (let q = 0; q < h.keys.length && ok; q++) ok = toks[k + q].key === h.keys[q] && CAP.test(toks[k + q].text);
    if (ok) return { type: h.type, len: h.keys.length };
  }
  return null;
}

const CONNECTORS = new Set(["of", "and", "for", "on", "the", "de", "&", "-"]);

/** Lowercase nouns that say what kind of organisation or body a name next to them is. */
const KIND_NOUNS: Record<string, string> = Object.fromEntries([
  ...["corporation", "company", "firm", "agency", "group", "bank", "conglomerate", "exporter", "manufacturer", "maker", "producer", "operator", "carrier", "airline", "militia", "trader", "supplier", "enterprise", "subsidiary", "network", "organisation", "organization", "ministry", "party", "movement", "contractor", "shipper", "broker", "insurer", "refinery", "shipyard"].map((k) => [k, "Organization"]),
  ...["forum", "bloc", "mechanism", "framework", "alliance"].map((k) => [k, "Body"]),
]);

/**
 * Names typed by the words beside them: "the state nuclear corporation Rosatom", "IMNEX, a
 * bilateral exercise", "Belspetsvneshtechnika, the Belarusian arms trading company". One to
 * three capitalised words no other rule knows, typed by the kind noun.
 */
function appositiveCandidates(toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  const kindOf = (t: Token | undefined) => (t && LOWER_WORD.test(t.text) ? (KIND_NOUNS[t.key] ?? (lex.eventNouns.has(t.key) ? "Event" : null)) : null);
  const nameAt = (i: number): number => {
    let j = i;
    while (j < toks.length && j - i < 3 && !hits[j] && isCapWord(toks[j]) && !lex.functionWords.has(toks[j].text) && !lex.notNames.has(toks[j].text) && (j === i || toks[j].start - toks[j - 1].end <= 1)) j++;
    return j - i;
  };
  const push = (first: number, n: number, type: string) => {
    const last = first + n - 1;
    const name = joinTokens(toks.slice(first, last + 1));
    const id = entityId(type, name);
    cands.push({
      first,
      last,
      priority: 2,
      make: () => {
        table.ensure(id, type, name);
        return { start: toks[first].start, end: toks[last].end, entity: id, type, via: "appositive" };
      },
    });
  };
  for (let k = 0; k < toks.length; k++) {
    // Kind noun, then the name: "the state nuclear corporation Rosatom".
    const before = kindOf(toks[k]);
    if (before && k + 1 < toks.length) {
      // The name ends where capitalised words do ("the corporation Rosatom said", not "… Rosatom Energy Holdings").
      const n = nameAt(k + 1);
      const after = toks[k + 1 + n];
      if (n > 0 && (!after || !isCapWord(after))) push(k + 1, n, before);
    }
    // Name, comma, a short description ending in the kind noun: "IMNEX, a bilateral exercise".
    if (toks[k].text === "," && k > 0) {
      let q = k + 1;
      if (!/^(a|an|the)$/.test(toks[q]?.key ?? "")) continue;
      // "the" needs a description ("the Belarusian arms company"); "…on Facebook, the exercise involved" opens a clause.
      const definite = toks[q].key === "the";
      q++;
      if (definite && kindOf(toks[q])) continue;
      let words = 0;
      while (q < toks.length && words < 5 && !kindOf(toks[q]) && (LOWER_WORD.test(toks[q].text) || hits[q]?.form.demonym)) {
        q++;
        words++;
      }
      const type = kindOf(toks[q]);
      if (!type) continue;
      // The name ends right before the comma (after an acronym in brackets, if any).
      let end = k - 1;
      if (toks[end]?.text === ")" && toks[end - 2]?.text === "(") end -= 3;
      let start = end;
      while (start - 1 >= 0 && end - (start - 1) < 3 && !hits[start - 1] && isCapWord(toks[start - 1]) && !lex.functionWords.has(toks[start - 1].text) && toks[start].start - toks[start - 1].end <= 1) start--;
      if (end >= 0 && start <= end && !hits[end] && isCapWord(toks[end]) && !lex.functionWords.has(toks[start].text)) push(start, end - start + 1, type);
    }
  }
}

/**
 * Capitalised multi-word names. Typed by a head noun at their end ("… Ministry",
 * "… Meeting") or before "of" ("Ministry of Defence"); a state's name at their start
 * becomes the owner ("Australian Department of Defence" is Australia's).
 */
function capitalisedCandidates(toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  let i = 0;
  while (i < toks.length) {
    if (!isCapWord(toks[i]) || lex.functionWords.has(toks[i].text)) {
      i++;
      continue;
    }
    // Extend over capitalised words and inner connectors.
    let j = i;
    let lastCap = i;
    while (j + 1 < toks.length) {
      const t = toks[j + 1];
      if (t.start - toks[j].end > 1) break;
      // "Rosatom Director General Alexey Likhachev": after a one-word name, a title before a
      // name starts a name of its own.
      if (j === i && !matchSeq(toks, i, lex.titleForms, true) && !lex.headFirst.has(toks[i].key) && titleBeforeName(toks, j + 1, lex)) break;
      if (isCapWord(t) && !(lex.functionWords.has(t.text) && t.text !== "The")) {
        j++;
        lastCap = j;
      } else if (t.key === "and" && (headEndsAt(toks, lastCap, lex) || toks[j + 2]?.key === "the" || hits[j + 2])) break; // "Rosatom and Myanmar's Ministry …": two names
      // "… Corporation Limited on March 25": a date, not more of the name.
      else if (CONNECTORS.has(t.key) && CALENDAR_WORD.test(toks[j + 2]?.text ?? "")) break;
      else if (CONNECTORS.has(t.key) && !CAP.test(t.text) || (t.text === "'" || t.text === "’") && /s$/.test(toks[j].text) || t.text === "-") j++;
      else break;
    }
    const last = lastCap;
    classifySequence(i, last, toks, hits, lex, table, cands);
    i = last + 1;
  }
}

const CALENDAR_WORD = new RegExp(`^(?:${MONTHS}|${MONTH_ABBREVIATIONS}|${WEEKDAYS})$`);
const MONTH_OR_YEAR = new RegExp(`^(?:${MONTHS}|\\d{4})$`);

function titleBeforeName(toks: Token[], k: number, lex: CompiledLexicon): boolean {
  const n = matchSeq(toks, k, lex.titleForms, true);
  return n > 0 && toks[k].text.length > 1 && isNameWord(toks[k + n], lex) && !lex.headFirst.has(toks[k + n].key);
}

function headEndsAt(toks: Token[], k: number, lex: CompiledLexicon): boolean {
  for (let q = Math.max(0, k - 2); q <= k; q++) {
    const h = headAt(toks, q, lex);
    if (h && q + h.len - 1 === k) return true;
  }
  return false;
}

function isCapWord(t: Token): boolean {
  return /^[\p{Lu}\p{N}]/u.test(t.text) && /\p{L}/u.test(t.text);
}

function classifySequence(i: number, last: number, toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  // Type from a head at the very end, else from the head before the first "of".
  let type: string | null = null;
  let headEnd = -1;
  for (let k = i; k <= last; k++) {
    const h = headAt(toks, k, lex);
    if (h && k + h.len - 1 === last) {
      type = h.type;
      headEnd = last;
    }
  }
  if (!type) {
    for (let k = i + 1; k <= last; k++) {
      if (toks[k].key !== "of" && toks[k].key !== "on" && toks[k].key !== "for") continue;
      for (let q = i; q < k; q++) {
        const h = headAt(toks, q, lex);
        if (h && q + h.len === k) type = h.type;
      }
      break;
    }
    headEnd = last;
  }
  if (matchSeq(toks, i, lex.titleForms, true)) {
    const of = toks.findIndex((t, k) => k > i && k <= last && t.key === "of");
    if (of > 0) {
      let k = of + 1;
      if (toks[k]?.key === "the") k++;
      if (k <= last) classifySequence(k, last, toks, hits, lex, table, cands);
      return;
    }
  }
  // A trailing "'" (the Experts' of "Experts' Working Group") never ends a name.
  let end = last;
  while (end > i && !isCapWord(toks[end])) end--;
  if (!type) {
    // "(President of) Russia Vladimir Putin": a known name, then a name of its own.
    const known = hits[i];
    if (known && known.last < end && known.form.entry.type === "State") classifySequence(known.last + 1, last, toks, hits, lex, table, cands);
    else unknownName(i, end, toks, hits, lex, table, cands);
    return;
  }
  let start = i;
  // A leading state (name, alias or demonym) owns what follows.
  let owner: GazetteerEntry | null = null;
  const h0 = hits[i];
  if (h0 && h0.last < end && CONNECTORS.has(toks[h0.last + 1].key) && !CAP.test(toks[h0.last + 1].text)) {
    // "Cambodia for the ASEAN … Working Group": a name, a preposition, another name.
    let k = h0.last + 2;
    if (toks[k]?.key === "the") k++;
    if (k <= end) classifySequence(k, last, toks, hits, lex, table, cands);
    return;
  }
  if (h0 && h0.form.entry.type === "State" && h0.last < end) {
    owner = h0.form.entry;
    start = h0.last + 1;
    if (toks[start]?.key === "the") start++;
  }
  let first = i;
  // "Australia's Department of Defence": the possessive owner joins the mention.
  if (!owner && type === "Organization" && i >= 2 && toks[i - 1].key === "'s" && hits[i - 2]?.form.entry.type === "State" && hits[i - 2]!.last === i - 2) {
    owner = hits[i - 2]!.form.entry;
    first = hits[i - 2]!.first;
  }
  if (start > end) return;
  const rest = toks.slice(start, end + 1);
  if (rest.filter((t) => /\p{L}/u.test(t.text)).length > 8) return; // a phrase, not a name
  let restText = joinTokens(rest);
  if (rest.length === 1 && owner === null && type !== "Event" && type !== "Place" && !hits[i]) {
    // A lone head word ("Ministry", "Council") names nothing by itself.
    return;
  }
  if (rest.length === 1 && owner === null && type === "Event" && !hits[i] && toks[i - 1]?.key === "the") {
    // "The Summits were chaired by …": the event last named with that noun, as "the summit" is.
    cands.push(eventAnaphor(toks, i, end));
    return;
  }
  if (owner && rest.length === 1 && lex.lexicon.branches.every((b) => b !== rest[0].text)) {
    // "Thai Government", "Russian Army" are the state or its military.
    if (type === "Organization" && /^(Government|Authorities|Administration|Regime)$/.test(rest[0].text)) type = "State";
  }
  // "Sudanese Armed Forces" is the state's military, however the text spells it.
  const isMilitary = owner !== null && type === "Organization" && matchSeq(rest, 0, lex.military) === rest.length;
  // A name that starts with a city or another name of the state, not its own name or an
  // abbreviation, keeps its words: "Moscow Conference on International Security", "Minsk
  // Tractor Works" (the state still owns it).
  const surface = h0 ? joinTokens(toks.slice(h0.first, h0.last + 1)) : "";
  const keepsPlaceName = (type === "Event" || (type === "Organization" && !isMilitary)) && owner !== null && first === i && h0 !== null && !h0.form.demonym && h0.form.entry.name !== surface && !/^[\p{Lu}.]+$/u.test(surface);
  const name = keepsPlaceName ? joinTokens(toks.slice(i, end + 1)) : owner ? (type === "State" ? owner.name : isMilitary ? `${stateAdjective(owner)} military` : `${stateAdjective(owner)} ${restText}`) : restText;
  const id = type === "State" && owner ? owner.id : isMilitary ? militaryId(owner!.id) : entityId(type, owner && !keepsPlaceName ? `${owner.id.replace(/^state:/, "")} ${restText}` : name);
  const innerHits = hits.slice(i, end + 1).filter((h): h is GazetteerHit => !!h && h.last <= end && (h.form.entry.type === "Body" || h.form.entry.type === "State" || h.form.entry.type === "Organization"));
  const inner = innerHits.map((h) => h.form.entry.id);
  if (owner && !inner.includes(owner.id)) inner.push(owner.id);
  const fType = type;
  restText = name;
  cands.push({
    first,
    last: end,
    priority: fType === "Event" ? 3 : 2,
    make: () => {
      const attrs: Record<string, unknown> = {};
      if (owner) attrs.country = owner.id;
      table.ensure(id, fType, name, attrs);
      noteInner(innerHits, toks, table);
      return { start: toks[first].start, end: toks[end].end, entity: id, type: fType, via: isMilitary ? "military" : "name", inner };
    },
  });
  void headEnd;
}

/** Known entities named inside a longer name are entities of the document too (the body of "a meeting of the X"). */
function noteInner(innerHits: GazetteerHit[], toks: Token[], table: EntityTable): void {
  for (const h of innerHits) {
    const e = h.form.entry;
    table.ensure(e.id, e.type, e.name, e.attributes).mentions.push({ start: toks[h.first].start, end: toks[h.last].end });
  }
}

function joinTokens(rest: Token[]): string {
  let s = "";
  for (let k = 0; k < rest.length; k++) {
    if (k > 0 && rest[k].start > rest[k - 1].end) s += " ";
    s += rest[k].text;
  }
  return s.replace(/[’]/g, "'");
}

/** A one-word company name by its ending: Gazprombank, Sberbank, Rosoboronexport, Transneft. */
const COMPANY_WORD = /^\p{Lu}\p{Ll}{2,}(?:bank|export|import|neft|prom|tech|tec|energo|atom|avia|flot|trans|stroy|mash|holding|corp)$/u;

/**
 * Capitalised words no other rule typed: one word is a company by its ending (COMPANY_WORD);
 * two to four with no known part are probably a person's name.
 */
function unknownName(i: number, end: number, toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  const n = end - i + 1;
  if (n === 1 && !hits[i] && COMPANY_WORD.test(toks[i].text)) {
    const id = entityId("Organization", toks[i].text);
    cands.push({ first: i, last: i, priority: 1, make: () => (table.ensure(id, "Organization", toks[i].text), { start: toks[i].start, end: toks[i].end, entity: id, type: "Organization", via: "name" }) });
    return;
  }
  if (n < 2 || n > 4) return;
  for (let k = i; k <= end; k++) {
    if (hits[k] || !isNameWord(toks[k], lex) || lex.headFirst.has(toks[k].key)) return;
  }
  // "Southeast Asian countries": a capitalised adjective before a plural noun.
  const next = toks[end + 1];
  if (next && LOWER_WORD.test(next.text) && /^(countries|states|nations|governments|leaders|people|members|forces|officials|troops|militaries|navies|partners|armies|groups)$/.test(next.key)) return;
  const name = joinTokens(toks.slice(i, end + 1));
  const id = entityId("Person", name);
  cands.push({
    first: i,
    last: end,
    priority: 1,
    make: () => {
      table.ensure(id, "Person", name);
      return { start: toks[i].start, end: toks[end].end, entity: id, type: "Person", via: "unknown" };
    },
  });
}

/**
 * Lowercase event and body phrases: "an ASEAN defence ministers' meeting on countering
 * violent extremism", "the junta-led meetings", "the bloc's defence working group on
 * counter terrorism". Up to five modifiers before the noun, up to three words of an
 * "on …" complement after it.
 */
function eventPhraseCandidates(toks: Token[], hits: (GazetteerHit | null)[], lex: CompiledLexicon, table: EntityTable, cands: Candidate[]): void {
  for (let k = 1; k < toks.length; k++) {
    let type: string | null = null;
    let nounEnd = k;
    if (lex.eventNouns.has(toks[k].key) && LOWER_WORD.test(toks[k].text)) type = "Event";
    else {
      const n = matchSeq(toks, k, lex.bodyNouns);
      if (n && LOWER_WORD.test(toks[k].text)) {
        type = "Body";
        nounEnd = k + n - 1;
      }
    }
    if (!type) continue;
    let s = k;
    let mods = 0;
    while (s - 1 >= 0 && mods < 5) {
      const t = toks[s - 1];
      const isApos = (t.text === "'" || t.text === "’") && s - 2 >= 0 && /s$/.test(toks[s - 2].text);
      const ok =
        isApos ||
        (LOWER_WORD.test(t.text) && !STOP.has(t.key) && !(/ed$/.test(t.key) && !t.key.includes("-")) && !/ly$/.test(t.key)) ||
        (hits[s - 1] !== null && hits[s - 1] !== undefined) ||
        MONTH_OR_YEAR.test(t.text) ||
        (/^\p{Lu}[\p{L}\-]*$/u.test(t.text) && !lex.functionWords.has(t.text));
      if (!ok) break;
      if (!isApos) mods++;
      s--;
    }
    let end = nounEnd;
    if (mods === 0) {
      // "a summit of the Intergovernmental Authority on Development": the body names the event.
      let q = nounEnd + 1;
      if (toks[q]?.key !== "of") continue;
      q++;
      if (toks[q]?.key === "the") q++;
      const h = hits[q];
      let e = q - 1;
      if (h && h.form.entry.type !== "Person") e = h.last;
      else while (e + 1 < toks.length && e + 1 - q < 6 && (isCapWord(toks[e + 1]) || (CONNECTORS.has(toks[e + 1].key) && e + 2 < toks.length && isCapWord(toks[e + 2])))) e++;
      if (e < q || !isCapWord(toks[e])) continue;
      end = e;
    }
    if (mods > 0) {
    if (toks[end + 1]?.key === "on") {
      let q = end + 2;
      while (q < toks.length && q - (end + 2) < 3 && LOWER_WORD.test(toks[q].text) && !STOP.has(toks[q].key) && !lex.eventNouns.has(toks[q].key)) q++;
      if (q > end + 2) end = q - 1;
    }
    }
    const name = joinTokens(toks.slice(s, end + 1));
    const innerHits = hits.slice(s, end + 1).filter((h): h is GazetteerHit => !!h && h.form.entry.type !== "Person");
    const inner = innerHits.map((h) => h.form.entry.id);
    const id = entityId(type, name);
    const first = s;
    const fType = type;
    const last = end;
    cands.push({
      first,
      last,
      priority: 1,
      make: () => {
        table.ensure(id, fType, name);
        noteInner(innerHits, toks, table);
        return { start: toks[first].start, end: toks[last].end, entity: id, type: fType, via: "event", inner };
      },
    });
    k = nounEnd;
  }
}

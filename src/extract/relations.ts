/**
 * Relations from the ontology's trigger vocabulary: for each trigger found in a
 * sentence, the subject and object are chosen by their roles around it (active: subject
 * opens the clause, object follows; passive "hosted by X": the agent is the subject;
 * nominal "co-chairs of X, A and B": the holders follow), checked against the types the
 * predicate allows, and a coordinated list yields one candidate per member.
 */
import { MONTHS, WEEKDAYS } from "./dates.ts";
import type { Mention, PredicateSpec, Span } from "./types.ts";

export interface TriggerIndex {
  regex: RegExp;
  byTrigger: Map<string, PredicateSpec[]>;
  byName: Map<string, PredicateSpec>;
}

export function compileTriggers(predicates: PredicateSpec[]): TriggerIndex {
  const byTrigger = new Map<string, PredicateSpec[]>();
  for (const p of predicates)
    for (const t of p.triggers) {
      const k = t.toLowerCase();
      const list = byTrigger.get(k) ?? [];
      if (!list.includes(p)) list.push(p);
      byTrigger.set(k, list);
    }
  const alts = [...byTrigger.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\"“”’']?\\s+[\"“”']?"));
  const regex = new RegExp(`(?<![\\p{L}\\-])(?:${alts.join("|")})(?![\\p{L}\\-])`, "giu");
  const byName = new Map(predicates.map((p) => [p.name, p]));
  return { regex, byTrigger, byName };
}

/** A trigger found in a sentence: where, as written, and the predicates it may express. */
export interface TriggerMatch extends Span {
  text: string;
  predicates: PredicateSpec[];
}

/** Every trigger of a sentence, in order. */
export function triggerMatches(text: string, sentence: Span, triggers: TriggerIndex): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  // The compiled expression is shared: the loop below runs it to the end before anyone else does.
  const re = triggers.regex;
  re.lastIndex = 0;
  const s = text.slice(sentence.start, sentence.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = sentence.start + m.index;
    out.push({ start, end: start + m[0].length, text: m[0], predicates: triggers.byTrigger.get(m[0].toLowerCase().replace(/\s+/g, " ")) ?? [] });
  }
  return out;
}

export interface RawRelation {
  predicate: PredicateSpec;
  subject: Mention;
  object: Mention;
  trigger: Span;
  triggerText: string;
  clauseStart: number;
  passive: boolean;
  /** Words between trigger and object (or agent), a proxy for how direct the link is. */
  gapWords: number;
  /** Extra qualifiers the role reading found (role, with). */
  extra: Record<string, Mention | string>;
}

const OPENERS = /^(In|During|Since|Despite|When|After|Following|As|Although|While|Before|Through|Under|At|On|By|With|For|From|Until|Instead|Yet|But|Given|Over|Within|Amid|Without|Unlike|Like|Once|If|Because|Though|Throughout|Beyond|Besides|Towards|Toward|Last|This|That|Earlier|Later|Recently|Then|Meanwhile|However|Thereafter|Subsequently)\b/;
const SUBORDINATORS = /^(after|before|when|while|as|since|although|though|because|despite|following|once|until|if|whereas)\b/;
const COORD = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s*(?:and|or|as well as)\s+|\s*&\s*)(?:(?:a|an|the)\s+(?:member|members|representative|representatives|official|officials|delegate|delegates|delegation)\s+of\s+)?(?:the\s+)?$/i;
/** What may follow an attendance verb with no object: how, how fully or when one took part ("joined by video link", "took part this year"). */
const PRESENCE_ONLY = new RegExp(`^\\s*(?:(?:in\\s+person|virtually|remotely|online|only|as\\s+well|by\\s+(?:video(?:\\s*link)?|videoconference|video\\s+conference|phone|teleconference)|via\\s+[\\p{L}\\-]+(?:\\s+link)?|at\\s+(?:a\\s+)?(?:lower|senior|junior|ministerial|working|deputy|ambassador)[\\p{L}\\-\\s]{0,20}?level|(?:this|last|that)\\s+(?:year|week|month|time)|again|on\\s+(?:${WEEKDAYS})|in\\s+\\d{4})\\s*)*(?:$|[,.;]|further|as\\s|with\\s|too|also|while\\s|but\\s|and\\s)`, "iu");
/** A title before a name ("Minister", "Secretary-General"): what follows names the title's owner. */
const TITLE_WORD = /\b(?:Minister|Ministry|Secretary|Secretary-General|President|Chairman|Chair|Director|Director-General|Commander|Chief|Head|Ambassador|Envoy|Governor)\b/;
/** ", who also chairs Y," — a relative clause that closes again. */
const CLOSED_RELATIVE = /,\s*(?:who|which|whose)\b[^,;]*,/g;
/** "in Kampala", "at the embassy": a place where something happened, not a party to it. */
const LOCATIVE = /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i;
/**
 * "The commander of the RSF": the name after a role noun owns the role; its holder is the
 * subject. Not case-insensitive as a whole: the optional word before the owner is lowercase
 * ("of the paramilitary RSF"), so that "President of Russia Vladimir Putin" leaves Putin the subject.
 */
const ROLE_OF = new RegExp(
  `\\b(?:${["commander", "head", "leader", "chief", "chairman", "chairwoman", "chair", "president", "director", "spokesperson", "spokesman", "secretary", "minister", "envoy", "ambassador", "deputy"].map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join("|")})\\s+(?:of|for)\\s+(?:the\\s+)?(?:[\\p{Ll}\\-]+\\s+)?$`,
  "u",
);
/** A finite verb, so that a stretch of text is a clause of its own. */
const OWN_VERB = /\b(?:\p{Ll}{2,}ed|announced|said|says|has|have|had|was|were|is|are|will|would|did|does|made|took|gave|sent|put|set|imposed|added|named|listed)\b/u;
const PASSIVE_AUX = /\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$/i;

function allowed(types: string[], m: Mention): boolean {
  return types.includes(m.type);
}

/** Members of the coordinated list a mention belongs to ("A, B and C"), in order. */
export function coordinated(text: string, ms: Mention[], idx: number, types: string[]): Mention[] {
  const out = [ms[idx]];
  for (let k = idx + 1; k < ms.length; k++) {
    const gap = text.slice(ms[k - 1].end, ms[k].titleStart ?? ms[k].start);
    if (!COORD.test(gap) || !allowed(types, ms[k])) break;
    out.push(ms[k]);
  }
  for (let k = idx - 1; k >= 0; k--) {
    const gap = text.slice(ms[k].end, ms[k + 1].titleStart ?? ms[k + 1].start);
    if (!COORD.test(gap) || !allowed(types, ms[k])) break;
    out.unshift(ms[k]);
  }
  // Names joined by commas alone are an apposition or a clause break, not a list: a list ends in "and"/"or".
  if (out.length > 1) {
    const joints = out.slice(1).map((m, i) => text.slice(out[i].end, m.titleStart ?? m.start));
    if (!joints.some((j) => /\b(?:and|or|as well as)\b|&/.test(j))) return [ms[idx]];
  }
  return out.filter((m, i) => out.findIndex((o) => o.entity === m.entity) === i);
}

function clauseStartFor(text: string, sentence: Span, at: number): number {
  const s = text.slice(sentence.start, at);
  let start = sentence.start;
  const semi = Math.max(s.lastIndexOf(";"), s.lastIndexOf(":"), s.lastIndexOf(" – "), s.lastIndexOf(" — "));
  if (semi >= 0) start = sentence.start + semi + 1;
  // A fronted adverbial or subordinate clause ends at its comma; several may stack.
  for (let k = 0; k < 3; k++) {
    const head = text.slice(start, at).trimStart();
    if (!OPENERS.test(head) && !SUBORDINATORS.test(head)) break;
    const comma = head.indexOf(",");
    if (comma < 0) break;
    start = at - head.length + comma + 1;
  }
  // "… since Western governments imposed …": a subordinator opens a clause with its own subject.
  const sub = /\s(?:since|because|whereas|although)\s+(?=(?:the\s+|a\s+)?[\p{Lu}\p{Ll}])(?!\d)/giu;
  let sm: RegExpExecArray | null;
  const seg = text.slice(start, at);
  let subAt = -1;
  // …unless the subordinate clause closed at a comma before the trigger ("…, his first visit
  // since the military lost Y, and held talks with Z").
  while ((sm = sub.exec(seg))) if (!/^\s*since\s+(?:\d|the\s+(?:coup|start|end|invasion|beginning))/i.test(seg.slice(sm.index)) && !seg.slice(sm.index + sm[0].length).includes(",")) subAt = sm.index + sm[0].length;
  if (subAt >= 0) start += subAt;
  // "…, and Australia announced a travel ban on X": ", and" before a name and a verb of its
  // own opens a new clause ("A, B, and C attended" has no verb before the trigger).
  const andClause = /,\s+and\s+(?=\p{Lu})/gu;
  let ac: RegExpExecArray | null;
  let lastAnd = -1;
  const span = text.slice(start, at);
  while ((ac = andClause.exec(span))) if (OWN_VERB.test(span.slice(ac.index + ac[0].length))) lastAnd = ac.index + ac[0].length;
  if (lastAnd >= 0) start += lastAnd;
  // ", while X …", ", and X …" open a new clause with its own subject.
  // A relative clause closed before the trigger ("X, who also chairs Y, boycotted …") is an
  // aside inside the clause, not where it starts.
  const rest = text.slice(start, at).replace(CLOSED_RELATIVE, (r) => " ".repeat(r.length));
  const re = /,\s+(?:\w+\s+)?(?:while|whereas|but|and then|as|which|who|after|when|although|before|because|since)\s/gi;
  let m: RegExpExecArray | null;
  let last = -1;
  while ((m = re.exec(rest))) last = m.index + m[0].length;
  if (last >= 0) start += last;
  return start;
}

function wordsIn(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/**
 * Candidate relations of one sentence. `ms` are the sentence's mentions, in order; `found`
 * its triggers (triggerMatches), found once for every rule that reads them.
 */
export function findRelations(text: string, sentence: Span, ms: Mention[], found: TriggerMatch[], triggers: TriggerIndex, prevEvent: Mention | null = null): RawRelation[] {
  const predicatesByName = triggers.byName;
  const out: RawRelation[] = [];
  if (ms.length < 2 && !(ms.length === 1 && prevEvent)) return out;
  for (const t of found) {
    const t0 = t.start;
    const t1 = t.end;
    const word = t.text;
    if (ms.some((x) => t0 < x.end && t1 > x.start && !(x.via === "event" && x.start < t0))) continue;
    const preds = t.predicates;
    const clauseStart = clauseStartFor(text, sentence, t0);
    const semiAfter = text.slice(t1, sentence.end).search(/[;:]/);
    const clauseEnd = semiAfter >= 0 ? t1 + semiAfter : sentence.end;
    // Names inside a relative clause closed before the trigger ("X, who also chairs Y, boycotted Z") are not its subject.
    const left = ms.filter((x) => x.end <= t0 && x.start >= clauseStart && !insideRelativeClause(text, clauseStart, t0, x));
    const rightIdx = ms.map((x, i) => i).filter((i) => ms[i].start >= t1 && ms[i].end <= clauseEnd);
    const after = text.slice(t1, clauseEnd);
    // "joined by Japan" names an agent; "joined by video link" does not.
    const byAgent = /^\s+by\s/i.test(after) && rightIdx.some((i) => /^\s+by\s+(?:[\p{L}\-]+\s+){0,5}$/iu.test(text.slice(t1, ms[i].titleStart ?? ms[i].start)));
    const isVerbEd = /ed$/i.test(word);
    const byTrigger = /\sby$/i.test(word);
    const passive = byTrigger || (isVerbEd && (byAgent || (PASSIVE_AUX.test(text.slice(clauseStart, t0)) && /\sby\s/i.test(after.slice(0, 60)))));
    for (const p of preds) {
      if (p.name === "position_held") continue; // read from titles and appositions instead
      const nominal = !/(ed|ing)$/i.test(word.split(/\s/)[0]) && /^(co-?chairs?|chair|coordinator|host|members?|supplier|chairmanship)/i.test(word);
      let subjects: Mention[] = [];
      let roleFromGap: string | null = null;
      let itemFromGap: string | null = null;
      let objects: Mention[] = [];
      let gap = 0;
      if (passive) {
        const byAt = byTrigger ? 0 : after.search(/\sby\s/i);
        const agentIdx = rightIdx.find((i) => ms[i].start >= t1 + byAt && allowed(p.subject, ms[i]));
        const reduced = /,\s*$/.test(text.slice(Math.max(sentence.start, t0 - 3), t0));
        const pool = reduced ? ms.filter((x) => x.end <= t0 && x.start >= sentence.start) : left;
        let obj = [...pool].reverse().find((x) => x.type === p.object[0]) ?? [...pool].reverse().find((x) => allowed(p.object, x));
        // "ADSOM, which was hosted by Cambodia": the relative pronoun's antecedent is the object.
        obj ??= antecedentOf(text, sentence, ms, clauseStart, t0, (x) => allowed(p.object, x));
        // "He was joined by X": the event is the one just reported.
        if (!obj && p.name === "attended" && prevEvent) obj = prevEvent;
        if (agentIdx === undefined || !obj) continue;
        // "chaired by Deputy Prime Minister and Minister of National Defence, General Tea Banh":
        // the name in the title is whose the title is; the person acts.
        let agent = agentIdx;
        const person = ms.findIndex((x, k) => k > agentIdx && x.type === "Person" && allowed(p.subject, x) && /^[^.;]*$/.test(text.slice(ms[agentIdx].end, x.titleStart ?? x.start)) && /^,?\s*$/.test(text.slice(ms[k - 1].end, x.titleStart ?? x.start)));
        if (ms[agentIdx].type !== "Person" && person > 0 && TITLE_WORD.test(text.slice(t1, ms[agentIdx].start))) agent = person;
        subjects = coordinated(text, ms, agent, p.subject);
        // "Myanmar was represented by the Union Minister for Defence, General X": X attended too.
        if (p.name === "attended" && /represented/i.test(word) && ms[agent].type !== "Person") {
          const rep = ms.findIndex((x, k) => k > agent && x.type === "Person" && /^[^.;]*$/.test(text.slice(ms[agent].end, x.start)));
          if (rep > 0) out.push(rel(p, ms[rep], obj, t0, t1, word, clauseStart, false, 2, {}));
        }
        // "by Cambodia's Defence Minister, General Tea Banh": the titled person acts too.
        const next = ms[agentIdx + 1];
        if (next && next.type === "Person" && allowed(p.subject, next) && /^['’]s\s+[\p{L}\- ]+,?\s*$/u.test(text.slice(ms[agentIdx].end, next.titleStart ?? next.start))) subjects.push(next);
        objects = obj === prevEvent ? [obj] : coordinated(text, ms, ms.indexOf(obj), p.object);
        gap = wordsIn(text.slice(t1, ms[agentIdx].start)) - 1;
      } else if (PASSIVE_AUX.test(text.slice(clauseStart, t0)) && isVerbEd) {
        // "arms that were delivered to X": the recipient follows "to"; the supplier is named by origin ("Russian-made", "from Russia").
        const toIdx = rightIdx.find((i) => allowed(p.object, ms[i]) && /^\s+to\s+(?:the\s+)?$/i.test(text.slice(t1, ms[i].start)));
        const origin = [...left].reverse().find((x) => allowed(p.subject, x) && (/^-(made|built|supplied|origin)/.test(text.slice(x.end, x.end + 9)) || /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, x.start - 10), x.start))));
        if (toIdx === undefined || !origin) continue;
        for (const o of coordinated(text, ms, toIdx, p.object)) out.push(rel(p, origin, o, t0, t1, word, clauseStart, true, 1, {}));
        continue;
      } else {
        if (/^part of$/i.test(word) && /\bas\s+$/i.test(text.slice(t0 - 4, t0))) continue;
        // "with Ugandan President X": the state only qualifies the titled person after it.
        let objIdx = rightIdx.find((i) => allowed(p.object, ms[i]) && !qualifiesNext(text, ms, i, p.object) && (p.object.includes("Place") || (ms[i].type !== "State" && ms[i].type !== "Place") || !LOCATIVE.test(text.slice(t1, ms[i].start))));
        if (objIdx !== undefined && /^['’]s\s+\p{Ll}/u.test(text.slice(ms[objIdx].end, ms[objIdx].end + 4))) {
          // "designated the RSF's commander, X": X is the object; "sanctions on Sudan's generals": not Sudan.
          const k: number = objIdx;
          const person = rightIdx.find((i) => i > k && ms[i].type === "Person" && allowed(p.object, ms[i]) && /^['’]s\s+[\p{L}\- ]+,\s*$/u.test(text.slice(ms[k].end, ms[i].titleStart ?? ms[i].start)));
          objIdx = person;
        }
        // "hosted General X at the Y Conference": the host's object is the event; X attended it.
        const firstRight = rightIdx[0];
        if (firstRight !== undefined && ms[firstRight].type === "Person" && objIdx !== undefined && objIdx > firstRight && /^\s+(?:at|in|for|during)\s+(?:the\s+)?$/i.test(text.slice(ms[firstRight].end, ms[objIdx].start)) && /^\s+(?:the\s+)?(?:[\p{Ll}\-]+\s+){0,3}$/u.test(text.slice(t1, ms[firstRight].titleStart ?? ms[firstRight].start))) {
          const attendedPred = predicatesByName.get("attended");
          if (attendedPred && allowed(attendedPred.object, ms[objIdx])) out.push(rel(attendedPred, ms[firstRight], ms[objIdx], t0, t1, word, clauseStart, false, 2, {}));
          gap = 1;
        } else if (objIdx !== undefined) {
          const between = text.slice(t1, ms[objIdx].start);
          // "joined as an observer of X": the capacity is the role.
          const asRole = /^\s*as\s+(?:an?\s+|the\s+)?([\p{Ll}\-]+)\s+(?:of|at|in|to|for)\s+(?:the\s+)?$/u.exec(between);
          // "delivered a Kilo-class submarine, the former INS Sindhuvir, to X": what was supplied, an apposition allowed.
          const itemGap = p.qualifiers.includes("item") ? /^\s+((?:[\p{L}\p{N}\-]+\s+){0,7}?[\p{L}\p{N}\-]+(?:,\s+(?:[\p{L}\p{N}\-]+\s+){0,4}[\p{L}\p{N}\-]+,)?)\s+(?:to|for)\s+(?:the\s+)?$/u.exec(between) : null;
          gap = asRole ? 1 : p.symmetric && /^\s*(?:(?:an?|the)\s+)?(?:[\p{L}\-]+\s+){0,3}?with\s/iu.test(between) && wordsIn(between) <= 10 ? 2 : itemGap && !/;/.test(between) ? 1 : gapWords(between);
          if (itemGap) itemFromGap = itemGap[1].trim().replace(/,$/, "");
          if (asRole && p.qualifiers.includes("role")) roleFromGap = asRole[1];
          if (gap < 0 && !(objIdx === firstRight && agentOrNominal(word) && /^\s+(?:of|to|for)\s/i.test(text.slice(t1, ms[objIdx].start)))) objIdx = undefined;
        }
        if (objIdx === undefined && p.name === "attended" && prevEvent && !left.some((x) => allowed(p.subject, x))) {
          // "Participating countries included A, B and C."
          const list = /^\s+(?:countries|states|nations|members|delegations|parties|militaries)\s+(?:included|include|were|are)\s+(?:the\s+)?$/i;
          const k = rightIdx.find((i) => allowed(p.subject, ms[i]) && list.test(text.slice(t1, ms[i].start)));
          if (k !== undefined) for (const h of coordinated(text, ms, k, p.subject)) out.push(rel(p, h, prevEvent, t0, t1, word, clauseStart, false, 3, {}));
          if (k !== undefined) continue;
        }
        if (objIdx === undefined && p.symmetric) {
          // "The Central Bank of Myanmar and the Bank of Russia agreed …": the parties are the coordinated subjects.
          const first = left.find((x) => allowed(p.subject, x) && x.type !== "Event" && !isModifier(text, x, ms, t0));
          const parties = first ? coordinated(text, ms, ms.indexOf(first), p.subject).filter((x) => x.end <= t0) : [];
          if (parties.length >= 2 && /^\s*(?:(?:\w+ly|also|jointly|formally|then)\s+)?$/.test(text.slice(parties[parties.length - 1].end, t0))) {
            for (const other of parties.slice(1)) out.push(rel(p, parties[0], other, t0, t1, word, clauseStart, false, 1, {}));
            continue;
          }
        }
        if (objIdx === undefined && /^(?:co-?)?chair(?:s|manship)?$|^coordinator$|^host$/i.test(word)) {
          // "Cambodia, as ASEAN chair", "in Cambodia's capacity as ASEAN Chair", "Laos, which
          // holds the ASEAN chairmanship": the body names the role; the holder comes before it.
          const body = left[left.length - 1];
          const holder = body && /^\s+$/.test(text.slice(body.end, t0)) && allowed(p.object, body) ? [...ms].reverse().find((x) => x.end <= body.start && x.start >= sentence.start && allowed(p.subject, x) && x.type !== "Event") : undefined;
          if (holder && body && ROLE_HOLDER_GAP.test(text.slice(holder.end, body.start))) {
            out.push(rel(p, holder, body, t0, t1, word, clauseStart, false, 0, p.name === "chaired" ? { role: roleOf(word) } : {}));
            continue;
          }
        }
        if (objIdx === undefined && agentOrNominal(word) && nominalLicensed(text, clauseStart, t0, left)) {
          // "X has become Y's main source of weaponry": the possessor is the object.
          const possessor = possessorBefore(text, left, t0);
          const holder = possessor && [...left].reverse().find((x) => x !== possessor && allowed(p.subject, x) && x.type !== "Event");
          if (possessor && holder && allowed(p.object, possessor)) out.push(rel(p, holder, possessor, t0, t1, word, clauseStart, false, 1, {}));
          continue;
        }
        if (objIdx === undefined) {
          // An intransitive report ("X also participated") refers to the event just named.
          if (p.name === "attended" && prevEvent) {
            const subj = left.find((x) => allowed(p.subject, x) && x.type !== "Event");
            // "sent a team of officers", "was represented by its attache": presence whatever follows.
            if (subj && (PRESENCE_ONLY.test(after) || /^(?:sent|was\s+represented|were\s+represented|represented)\b/i.test(word))) {
              for (const sub of coordinated(text, ms, ms.indexOf(subj), p.subject)) out.push(rel(p, sub, prevEvent, t0, t1, word, clauseStart, false, 5, {}));
              // "… participated with personnel from A, including B and C"
              for (const k of listAfter(text, ms, t1, clauseEnd, p.subject)) out.push(rel(p, ms[k], prevEvent, t0, t1, word, clauseStart, false, 5, {}));
            }
          } else if (p.name === "hosted" && prevEvent && /\bas\s+(?:the\s+)?$/i.test(text.slice(t0 - 8, t0))) {
            // "Brunei as host tabled a paper": host of the event just reported.
            const subj = [...left].reverse().find((x) => allowed(p.subject, x));
            if (subj) out.push(rel(p, subj, prevEvent, t0, t1, word, clauseStart, false, 3, {}));
          }
          continue;
        }
        if (agentOrNominal(word) && !nominalLicensed(text, clauseStart, t0, left)) continue;
        // Role nouns and "wing of"-like nouns hold for the nearest name before them ("the PDF, the armed wing of the NUG").
        const agent = /(supplier|co-?chairs?|chair|coordinator|host|members?)$/i.test(word) || /\b(?:wing|arm|subsidiary|affiliate|division|unit|branch|source) of(?:\s+[\p{L} ]+)?$/iu.test(word);
        const possessor = possessorBefore(text, left, t0);
        let subj: Mention | undefined;
        if (agent) {
          // "X, an arms supplier of Y", "X as Y's main supplier": the holder is the nearest name before.
          subj = [...left].reverse().find((x) => x !== possessor && allowed(p.subject, x) && x.type !== "Event");
          const ofObject = rightIdx.find((i) => allowed(p.object, ms[i]) && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(t1, ms[i].start)));
          if (possessor && ofObject !== undefined && allowed(p.subject, possessor)) {
            // "Brunei's chair of ASEAN": the possessor holds the role.
            for (const o of coordinated(text, ms, ofObject, p.object)) out.push(rel(p, possessor, o, t0, t1, word, clauseStart, false, 1, p.name === "chaired" ? { role: roleOf(word) } : {}));
            continue;
          }
          if (possessor && allowed(p.object, possessor) && !subj) {
            // "Myanmar's main arms suppliers, China, Russia and India": the holders follow.
            const k = rightIdx.find((i) => allowed(p.subject, ms[i]) && /^\s*,\s*(?:the\s+)?$/.test(text.slice(t1, ms[i].start)));
            if (k !== undefined) for (const h of coordinated(text, ms, k, p.subject)) out.push(rel(p, h, possessor, t0, t1, word, clauseStart, false, 1, {}));
            continue;
          }
          if (possessor && allowed(p.object, possessor) && subj) {
            out.push(rel(p, subj, possessor, t0, t1, word, clauseStart, false, 0, p.name === "chaired" ? { role: roleOf(word) } : {}));
            continue;
          }
        } else subj = left.find((x) => allowed(p.subject, x) && x.type !== "Event" && !isModifier(text, x, ms, t0) && !ownsRole(text, clauseStart, x, ms));
        if (!subj && /[;:]\s*(?:and|or)\s/i.test(text.slice(Math.max(sentence.start, clauseStart - 2), clauseStart + 6))) {
          const sentenceLeft = ms.filter((x) => x.end <= t0 && x.start >= sentence.start);
          subj = clauseSubject(text, sentence, sentenceLeft, p);
        }
        // "BSVT, the Belarusian arms company, which shipped …": the antecedent is the subject.
        subj ??= antecedentOf(text, sentence, ms, clauseStart, t0, (x) => allowed(p.subject, x) && x.type !== "Event" && x.via !== "demonym");
        if (subj) subjects = coordinated(text, ms, ms.indexOf(subj), p.subject);
        else if (nominal) {
          // "As co-chairs of X, A and B …": the holders follow the object.
          const holder = rightIdx.find((i) => i > objIdx && allowed(p.subject, ms[i]) && ms[i].type !== "Event");
          if (holder !== undefined && /^,\s*(?:the\s+)?$/i.test(text.slice(ms[objIdx].end, ms[holder].start).replace(/\s+on\s+[^,]*/i, ""))) subjects = coordinated(text, ms, holder, p.subject);
        }
        if (subjects.length === 0) continue;
        objects = coordinated(text, ms, objIdx, p.object);
        // "co-chair of X together with Y": Y shares the role.
        const lastObj = objects[objects.length - 1];
        const nextIdx = ms.indexOf(lastObj) + 1;
        if (p.name === "chaired" && nextIdx < ms.length && /^,?\s*(?:together\s+)?with\s+(?:the\s+)?$/i.test(text.slice(lastObj.end, ms[nextIdx].start)) && allowed(p.subject, ms[nextIdx])) {
          const partners = coordinated(text, ms, nextIdx, p.subject);
          for (const partner of partners) for (const o of objects) for (const sub of subjects) {
            out.push(rel(p, partner, o, t0, t1, word, clauseStart, false, gap, { role: roleOf(word), with: sub }));
          }
        }
        // "attended X with participants from A, B and C" / ", including A and B".
        const attendedPred = predicatesByName.get("attended");
        if (attendedPred && (p.name === "attended" || lastObj.type === "Event")) {
          if (/^[^;.]{0,60}?(?:^|,)\s*(?:with|alongside|including)\s/i.test(text.slice(lastObj.end, lastObj.end + 80)))
            for (const k of listAfter(text, ms, lastObj.end, clauseEnd, attendedPred.subject)) for (const o of objects) out.push(rel(attendedPred, ms[k], o, t0, t1, word, clauseStart, false, gap + 2, {}));
        }
      }
      // "backed the junta, diplomatically and with arms": support given in arms is a supply.
      const armsPred = predicatesByName.get("supplied_arms");
      if (p.name === "endorsed" && armsPred && objects.length && /^[^.;]{0,40}?\bwith\s+(?:arms|weapons|military\s+equipment|munitions)\b/i.test(text.slice(objects[objects.length - 1].end, clauseEnd)))
        for (const sub of subjects) for (const o of objects) if (allowed(armsPred.subject, sub) && allowed(armsPred.object, o)) out.push(rel(armsPred, sub, o, t0, t1, word, clauseStart, false, gap + 1, {}));
      for (const sub of subjects)
        for (const o of objects) {
          if (sub.entity === o.entity) continue;
          const extra: Record<string, Mention | string> = {};
          if (p.name === "chaired") extra.role = roleOf(word);
          if (roleFromGap) extra.role = roleFromGap;
          if (itemFromGap) extra.item = itemFromGap.replace(/^(?:the|an?|its|their)\s+/i, "");
          out.push(rel(p, sub, o, t0, t1, word, clauseStart, passive, gap, extra));
        }
    }
  }
  return out;
}

/**
 * When the trigger's clause is a relative one (", which was hosted by …"), the name the
 * pronoun stands for: right before ", which", or before an apposition that is ("BSVT, the
 * Belarusian arms company, which …"), optionally with its acronym in brackets.
 */
function antecedentOf(text: string, sentence: Span, ms: Mention[], clauseStart: number, t0: number, fits: (x: Mention) => boolean): Mention | undefined {
  if (!/,\s*(?:which|who|that)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(sentence.start, clauseStart - 12), t0))) return undefined;
  return [...ms].reverse().find((x) => x.end <= clauseStart && x.start >= sentence.start && fits(x) && ANTECEDENT_GAP.test(text.slice(x.end, clauseStart)));
}

/** Between an antecedent and its relative pronoun: an acronym in brackets, an apposition. */
const ANTECEDENT_GAP = /^\s*(?:\([^)]{1,12}\))?(?:,\s*(?:the|a|an)\s+[^,;()]{1,60})?\s*,\s*(?:which|who|that)\b/i;

/** "The commander of the RSF": the name owns the role before it (so does its acronym in brackets after it). */
function ownsRole(text: string, clauseStart: number, x: Mention, ms: Mention[]): boolean {
  if (ROLE_OF.test(text.slice(clauseStart, x.start))) return true;
  const prev = ms[ms.indexOf(x) - 1];
  return !!prev && prev.entity === x.entity && prev.start >= clauseStart && /^\s*\($/.test(text.slice(prev.end, x.start)) && ROLE_OF.test(text.slice(clauseStart, prev.start));
}

/** Whether mention i only describes the name after it: "Ugandan President X", "Kenya's President X", "Oslo-based Y". */
function qualifiesNext(text: string, ms: Mention[], i: number, types: string[]): boolean {
  const next = ms[i + 1];
  if (!next || !allowed(types, next)) return false;
  // "Oslo-based Polar Star Bank": the place says where the named party is.
  if (/^-\p{Ll}+\s+(?:[\p{Ll}\-]+\s+){0,2}$/u.test(text.slice(ms[i].end, next.titleStart ?? next.start))) return true;
  // "the Myanmar conglomerate Asia Sun Group", "the Russian arms exporter X": a state, what kind of party, its name.
  if (ms[i].type === "State" && next.type !== "State" && /^\s+(?:[\p{Ll}\-]+\s+){1,3}$/u.test(text.slice(ms[i].end, next.titleStart ?? next.start))) return true;
  if (next.type !== "Person") return false;
  // "his Singaporean counterpart, Dr X": the person is the party.
  if (/^\s+counterparts?,\s*$/.test(text.slice(ms[i].end, next.titleStart ?? next.start))) return true;
  // "Myanmar's Union Minister for Defence General X": the possessive may carry a title of its own.
  return next.titleStart !== undefined && /^(?:['’]s(?:\s+(?:\p{Lu}[\p{L}\-]*|for|of|the))*)?\s*$/u.test(text.slice(ms[i].end, next.titleStart));
}

/** The last name before the trigger when it possesses it ("Myanmar's main arms suppliers", "Y's source of weaponry"). */
function possessorBefore(text: string, left: Mention[], t0: number): Mention | null {
  const last = left[left.length - 1];
  return last && /^['’]s\s+(?:[\p{L}\-]+\s+){0,3}$/u.test(text.slice(last.end, t0)) ? last : null;
}

/** Whether x lies in a ", who …," or ", which …," clause that closes between clauseStart and t0. */
function insideRelativeClause(text: string, clauseStart: number, t0: number, x: Mention): boolean {
  const re = new RegExp(CLOSED_RELATIVE.source, "g");
  const seg = text.slice(clauseStart, t0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) {
    const a = clauseStart + m.index, b = a + m[0].length;
    if (x.start >= a && x.end <= b) return true;
  }
  return false;
}

/**
 * A name that only qualifies the next one is not a clause subject: the owner before a
 * titled person ("Myanmar Commander-in-Chief X") or a possessor ("Myanmar's relations"),
 * unless the possessed noun is the trigger itself ("X's visit to Y").
 */
function isModifier(text: string, x: Mention, ms: Mention[], t0: number): boolean {
  const next = ms[ms.indexOf(x) + 1];
  if (next && next.type === "Person" && next.titleStart !== undefined && next.titleStart - x.end <= 1) return true;
  // "China's Wang Yi visits": the person acts, the state only says whose he is.
  if (next && next.type === "Person" && next.end <= t0 && /^['’]s\s+$/.test(text.slice(x.end, next.titleStart ?? next.start))) return true;
  const after = text.slice(x.end, t0);
  if (/^['’]s\s/.test(after)) return !/^['’]s\s+(?:[\p{L}\p{N}\-]+\s+){0,3}$/u.test(after);
  return false;
}

const MONTH_OR_DAY = `${MONTHS}|${WEEKDAYS}`;
const TIME_ADVERBIAL = new RegExp(`\\b(?:(?:this|last|next|that|the\\s+same|the\\s+following|the\\s+previous)\\s+(?:week|month|year|weekend|day|${MONTH_OR_DAY})|(?:on|in|since|until)\\s+(?:\\d{1,2}\\s+)?(?:${MONTH_OR_DAY})(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?|in\\s+\\d{4}|yesterday|today|earlier|later|recently)\\b`, "gi");
const DETERMINERS = /\b(the|a|an|its|their|his|her|our|this|these|those|all|both|some|first|last|new|current)\b/gi;
const PREPOSITION = /^(of|to|in|at|on|for|with|from|by|into|during|under|over|about|against|through)$/i;

/**
 * How far the object stands from a verb trigger, in content words; -1 when the words
 * between hold a noun and a preposition ("led the delegation to X": X is not what was led).
 */
function gapWords(between: string): number {
  const cleaned = between
    .replace(/\b(?:at\s+least|at\s+most|about|around|some|nearly|almost|over|more\s+than|up\s+to)?\s*(?:\d[\d,.]*|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|hundred|thousand|dozens\s+of|several|hundreds\s+of|thousands\s+of)\b/gi, " ")
    // "sanctions on six entities linked to X": X is whom the measure concerns.
    .replace(/\b(?:[\p{L}\-]+\s+)?(?:entities|companies|firms|individuals|officials|people|persons|leaders|members|units|businesses)\s+(?:linked|tied|connected|belonging|close|related)\s+to\b/giu, " ")
    // "played host this week to X", "met on Tuesday with X": when is not what.
    .replace(TIME_ADVERBIAL, " ")
    .replace(DETERMINERS, " ");
  const words = cleaned.match(/[\p{L}\p{N}'’\-]+/gu) ?? [];
  if (words.length === 0) return 0;
  if (words.length === 1 && PREPOSITION.test(words[0])) return 1;
  if (/[,;:(]/.test(between)) return -1;
  if (words.some((w) => PREPOSITION.test(w))) return -1;
  return words.length <= 3 ? words.length : -1;
}

function agentOrNominal(trigger: string): boolean {
  return /^(co-?chairs?|chair|chairmanship|coordinator|host|members?|member state|supplier|arms supplier)( of)?$/i.test(trigger) || /^source of\b/i.test(trigger);
}

/** Between a role's holder and the body before the role noun: "X, as", "X's capacity as", "X, which holds the", "X took over the rotating". */
const ROLE_HOLDER_GAP = /^(?:['’]s\s+capacity\s+as|,?\s+as|,?\s+(?:which|who)\s+(?:holds?|held|has\s+held|took\s+over|takes\s+over|assumed|assumes)|\s+(?:holds?|held|took\s+over|takes\s+over|assumed|assumes|handed\s+over)|['’]s)\s+(?:(?:the|its|this\s+year['’]s|current|rotating|annual)\s+)*$/i;

/** A role noun states a fact only after a copula, "as", an apposition comma or a possessive. */
function nominalLicensed(text: string, clauseStart: number, t0: number, left: Mention[]): boolean {
  const before = text.slice(clauseStart, t0);
  if (/\b(?:is|are|was|were|be|been|became|become|becomes|remains|remained|as|named|appointed|elected|serves\s+as|served\s+as)\s+(?:(?:the|a|an|its|their|current|joint|new|first|main|sole)\s+)*$/i.test(before)) return true;
  if (/,\s*(?:(?:the|a|an|its|their|current|joint|new|main)\s+)*$/i.test(before)) return true;
  if (/['’]s\s+(?:[\p{L}\-]+\s+){0,2}$/u.test(before) || /\b(?:its|their|his|her)\s+(?:[\p{L}\-]+\s+){0,2}$/iu.test(before)) return true;
  void left;
  return false;
}

/** Members of lists introduced by "from" or "including" between `from` and `to`, as mention indexes. */
function listAfter(text: string, ms: Mention[], from: number, to: number, types: string[]): number[] {
  const out: number[] = [];
  const seg = text.slice(from, to);
  const re = /\b(?:including|from)\s+(?:the\s+)?/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) {
    const at = from + m.index + m[0].length;
    const k = ms.findIndex((x) => x.start === at || x.titleStart === at);
    if (k < 0 || !allowed(types, ms[k])) continue;
    for (const c of coordinated(text, ms, k, types)) {
      const idx = ms.indexOf(c);
      if (!out.includes(idx)) out.push(idx);
    }
  }
  return out;
}

function clauseSubject(text: string, sentence: Span, left: Mention[], p: PredicateSpec): Mention | undefined {
  const start = clauseStartFor(text, sentence, left.length ? left[left.length - 1].end : sentence.start);
  return left.find((x) => x.start >= start && allowed(p.subject, x) && x.type !== "Event") ?? left.find((x) => allowed(p.subject, x) && x.type !== "Event");
}

function roleOf(trigger: string): string {
  const t = trigger.toLowerCase();
  if (t.startsWith("co-chair") || t.startsWith("cochair")) return "co-chair";
  if (t.startsWith("led") || t.startsWith("lead")) return "lead";
  return "chair";
}

function rel(p: PredicateSpec, subject: Mention, object: Mention, t0: number, t1: number, text: string, clauseStart: number, passive: boolean, gapWords: number, extra: Record<string, Mention | string>): RawRelation {
  return { predicate: p, subject, object, trigger: { start: t0, end: t1 }, triggerText: text, clauseStart, passive, gapWords, extra };
}

export interface RoleListItem {
  predicate: PredicateSpec;
  subject: Mention;
  /** The span naming what the role is held in ("Maritime Security"). */
  object: Span;
  trigger: Span;
  role: string;
}

/**
 * Lists that assign a role item by item: "the current co-chairs are Counter Terrorism
 * (A and B); Maritime Security (C and D)". Each holder in brackets holds the role of
 * the trigger's predicate in the item named before the bracket.
 */
export function findRoleLists(text: string, sentence: Span, ms: Mention[], triggers: TriggerIndex): RoleListItem[] {
  const out: RoleListItem[] = [];
  const s = text.slice(sentence.start, sentence.end);
  const intro = /\b(co-?chairs|chairs|hosts|coordinators|members)\b[^.;:()]{0,40}?\b(?:are|were|include|included)\b\s*:?|\b(co-?chairs|chairs|hosts|coordinators|members)\s*:/i.exec(s);
  if (!intro) return out;
  const word = (intro[1] ?? intro[2]).toLowerCase();
  const predicate = (triggers.byTrigger.get(word) ?? triggers.byTrigger.get(word.replace(/s$/, "")) ?? []).find((p) => p.name !== "position_held");
  if (!predicate) return out;
  const trigger = { start: sentence.start + intro.index, end: sentence.start + intro.index + intro[0].length };
  const itemRe = /([^;:()]+?)\s*\(([^()]+)\)/g;
  itemRe.lastIndex = intro.index + intro[0].length;
  let m: RegExpExecArray | null;
  while ((m = itemRe.exec(s))) {
    const nameText = m[1].replace(/^[\s,]*(?:and\s+)?/, "");
    const nameStart = sentence.start + m.index + m[1].indexOf(nameText);
    const nameEnd = nameStart + nameText.trimEnd().length;
    const innerStart = sentence.start + m.index + m[0].indexOf("(") + 1;
    const innerEnd = innerStart + m[2].length;
    if (!/^\p{Lu}/u.test(nameText) || nameText.split(/\s+/).length > 8) continue;
    const inside = ms.filter((x) => x.start >= innerStart && x.end <= innerEnd && allowed(predicate.subject, x));
    if (inside.length === 0) continue;
    const holders = coordinated(text, ms, ms.indexOf(inside[0]), predicate.subject);
    // Every word inside the brackets must belong to a holder or a conjunction.
    const rest = text.slice(innerStart, innerEnd);
    let covered = rest;
    for (const h of holders) covered = covered.replace(text.slice(h.start, h.end), " ");
    if (/[\p{L}]{3,}/u.test(covered.replace(/\b(?:and|the|or)\b/g, ""))) continue;
    for (const h of holders) out.push({ predicate, subject: h, object: { start: nameStart, end: nameEnd }, trigger, role: word.replace(/s$/, "") });
  }
  return out;
}

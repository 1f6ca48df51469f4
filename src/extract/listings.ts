/**
 * Sanctions and designations announced for a group and then named one by one: "Canada
 * imposed sanctions on four individuals and four entities … Among those named are General
 * X, commander of …; Y, …; and Z." and "Britain added X to its sanctions list". The
 * announcing sentence gives the authority; the sentences that enumerate give the targets.
 */
import type { Mention, PredicateSpec, Span } from "./types.ts";
import { coordinated, type TriggerMatch } from "./relations.ts";

/** The authority of a sanctions or designation announcement, waiting for its targets. */
export interface Announcement {
  predicate: PredicateSpec;
  authority: Mention;
  trigger: Span;
  /** Where the announcing sentence ends: enumerations follow within a few sentences. */
  end: number;
}

/** Predicates whose announcements may name their targets in later sentences. */
const ANNOUNCED = new Set(["sanctioned", "designated"]);

/** How far (in characters) after the announcement its targets may still be enumerated. */
export const ENUMERATION_REACH = 900;

/** "Among those named are", "The four entities are", "Those listed include", "The measures also target". */
const ENUMERATION = new RegExp(
  "^\\s*(?:" +
    [
      "among\\s+(?:them|those|the\\s+[\\p{L}\\-]+(?:\\s+[\\p{L}\\-]+)?)(?:\\s+(?:named|listed|sanctioned|designated|targeted|added))?\\s+(?:are|were|is|was)",
      "(?:the|these|those)\\s+(?:[\\p{L}\\-]+\\s+){0,2}?(?:individuals|entities|companies|persons|people|targets|officials|officers|firms|businesses|men|generals)(?:\\s+(?:named|listed|sanctioned|designated|targeted|added))?\\s+(?:are|were|include|included|comprise)",
      "(?:they|those\\s+(?:named|listed|sanctioned|designated|targeted))\\s+(?:are|were|include|included)",
      "(?:it|the\\s+(?:measures?|listings?|sanctions?|designations?|package|list))\\s+(?:also\\s+)?(?:target|targets|targeted|name|names|named|cover|covers|covered|include|includes|included|hit|hits)",
    ].join("|") +
    ")\\b",
  "iu",
);

/** A words-only stretch ending in a preposition: what follows it is not a target but its owner or partner. */
const GOVERNED = /\b(?:of|for|to|by|from|in|with|at|on|under|against|into|over)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?$/i;

/** "Myanmar listings", "Russian banks": a state's name used as an adjective names no actor. */
const ATTRIBUTIVE = /^\s+\p{Ll}+s\b/u;
/** "… it sanctioned", "It also listed": the pronoun right before the trigger. */
const IT_BEFORE = /\b[Ii]t\s+(?:(?:also|then|later|previously|already|has|had)\s+)*$/;

/**
 * The first sanctions or designation trigger of the sentence with an authority before it in
 * its clause; "it" right before the trigger is `topic`, what the previous sentence was about.
 */
export function findAnnouncement(text: string, sentence: Span, ms: Mention[], found: TriggerMatch[], topic: Mention | null = null): Announcement | null {
  for (const t of found) {
    const predicate = t.predicates.find((p) => ANNOUNCED.has(p.name));
    if (!predicate) continue;
    const trigger = { start: t.start, end: t.end };
    if (topic && predicate.subject.includes(topic.type) && IT_BEFORE.test(text.slice(sentence.start, t.start))) return { predicate, authority: topic, trigger, end: sentence.end };
    // A counted group ("Two officers were also listed") is listed, it does not list.
    const authority = ms.find((x) => x.end <= t.start && predicate.subject.includes(x.type) && x.via !== "pronoun" && x.via !== "group" && !(x.type === "State" && ATTRIBUTIVE.test(text.slice(x.end, x.end + 30))));
    if (authority) return { predicate, authority, trigger, end: sentence.end };
  }
  return null;
}

/** "…on six companies, among them A, B and C": the announcing sentence names its targets after a cue. */
const INLINE = /,?\s+(?:among\s+them|among\s+which|including|namely|such\s+as)\s+|:\s*/iu;

/** A list whose items, long enough to hold commas of their own, are set off by semicolons ("A; B; and C"). */
const SEMICOLON_LIST = /;\s+(?:and|as\s+well\s+as)\s/i;

/**
 * Targets a sentence enumerates for an announcement: a later sentence opening with a cue
 * ("Among those named are"), or the announcing sentence itself after one ("among them").
 */
export function enumeratedTargets(text: string, sentence: Span, ms: Mention[], a: Announcement): Mention[] {
  let from: number;
  if (a.end === sentence.end) {
    const after = text.slice(a.trigger.end, sentence.end);
    const cue = INLINE.exec(after);
    if (cue) from = a.trigger.end + cue.index + cue[0].length;
    // "… blacklisted X; its director, Y; and Z": items set off by semicolons follow the trigger.
    else if (SEMICOLON_LIST.test(after)) from = a.trigger.end;
    else return [];
  } else {
    if (sentence.start - a.end > ENUMERATION_REACH) return [];
    const lead = ENUMERATION.exec(text.slice(sentence.start, sentence.end));
    if (!lead) return [];
    from = sentence.start + lead[0].length;
  }
  const out: Mention[] = [];
  let itemStart = from;
  for (const x of ms) {
    if (x.start < from) continue;
    // Within an item ("X, commander of the Y"), a name governed by a preposition or
    // possessed ("the junta's spokesperson") describes the target; it is not one.
    const before = text.slice(itemStart, x.titleStart ?? x.start);
    const sinceBreak = before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf(",")) + 1);
    const owned = GOVERNED.test(sinceBreak) || /^['’]s\b/.test(text.slice(x.end, x.end + 2));
    if (!owned && a.predicate.object.includes(x.type) && x.type !== "State" && x.via !== "anaphor" && x.via !== "pronoun" && !out.some((o) => o.entity === x.entity)) out.push(x);
    itemStart = x.end;
  }
  return out;
}

/** "… to its own sanctions list", "to the US entity list": a list a name is added to. */
const TO_LIST = /^\s+(?:\([^)]*\)\s+)?to\s+(?:its|their|the|his|her|[\p{Lu}][\p{L}.]*)\s+(?:[\p{L}\-]+\s+){0,2}?(?:sanctions?|black|entity|designations?|terror(?:ist)?)\s*list\b/u;

/** "Britain added X (and Y) to its sanctions list": the adder sanctions each name added. */
export function findListAdditions(text: string, sentence: Span, ms: Mention[], predicate: PredicateSpec): { authority: Mention; target: Mention; trigger: Span }[] {
  const out: { authority: Mention; target: Mention; trigger: Span }[] = [];
  for (let i = 0; i < ms.length; i++) {
    const head = /\badded\s+(?:the\s+)?$/i.exec(text.slice(Math.max(sentence.start, (ms[i].titleStart ?? ms[i].start) - 12), ms[i].titleStart ?? ms[i].start));
    if (!head || !predicate.object.includes(ms[i].type)) continue;
    const targets = coordinated(text, ms, i, predicate.object);
    const last = targets[targets.length - 1];
    if (!TO_LIST.test(text.slice(last.end, sentence.end))) continue;
    const at = (ms[i].titleStart ?? ms[i].start) - head[0].length;
    const authority = [...ms].reverse().find((x) => x.end <= at && x.start >= sentence.start && predicate.subject.includes(x.type) && x.via !== "pronoun");
    if (!authority) continue;
    for (const target of targets) out.push({ authority, target, trigger: { start: at, end: at + 5 } });
  }
  return out;
}

/**
 * A listing with no named authority shortly after an announcement: "The same package listed
 * X", "Two officers were also listed: A and B". The authority is the announcement's; the
 * targets follow the trigger (after a colon, or the first name and those coordinated with it).
 */
export function unattributedListings(text: string, sentence: Span, ms: Mention[], found: TriggerMatch[], a: Announcement): { target: Mention; trigger: Span }[] {
  if (sentence.start - a.end > ENUMERATION_REACH || a.end === sentence.end) return [];
  for (const t of found) {
    const t0 = t.start, t1 = t.end;
    if (!t.predicates.some((p) => p.name === a.predicate.name)) continue;
    if (ms.some((x) => x.end <= t0 && a.predicate.subject.includes(x.type) && x.via !== "group" && x.via !== "pronoun")) continue;
    const trigger = { start: t0, end: t1 };
    const colon = text.slice(t1, sentence.end).search(/:\s/);
    if (colon >= 0) return enumeratedTargets(text, sentence, ms, { ...a, trigger: { start: t1 + colon, end: t1 + colon }, end: sentence.end }).map((target) => ({ target, trigger }));
    const k = ms.findIndex((x) => x.start >= t1 && a.predicate.object.includes(x.type) && x.type !== "State" && x.via !== "anaphor");
    if (k < 0) return [];
    return coordinated(text, ms, k, a.predicate.object).map((target) => ({ target, trigger }));
  }
  return [];
}

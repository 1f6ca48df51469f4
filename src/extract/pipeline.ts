/**
 * The extraction pipeline: segment -> recognise entities -> find relations and
 * positions -> read modality -> date -> score -> proposed claims. Pure: the caller
 * passes the text, the predicates, the gazetteer and the word lists.
 */
import { createHash } from "node:crypto";
import { compileLexicon, recogniseEntities, type CompiledLexicon } from "./entities.ts";
import { Gazetteer } from "./gazetteer.ts";
import { findDates, referenceDate, type FoundDate } from "./dates.ts";
import { compileModality, readModality, type CompiledModality } from "./modality.ts";
import { compileTitleWords, findPositions, OWNER_TYPES } from "./positions.ts";
import { compileTriggers, findRelations, findRoleLists, triggerMatches, type TriggerIndex } from "./relations.ts";
import { enumeratedTargets, findAnnouncement, findListAdditions, unattributedListings, type Announcement } from "./listings.ts";
import { entityId } from "./entities.ts";
import { findDelegations } from "./delegations.ts";
import { findVenues } from "./venues.ts";
import { sentences } from "./text.ts";
import {
  DEFAULT_MIN_CONFIDENCE,
  type EntityRef,
  type ExtractedClaim,
  type ExtractInput,
  type ExtractResult,
  type GazetteerEntry,
  type Lexicon,
  type Mention,
  type PredicateSpec,
  type Qualifiers,
  type Span,
} from "./types.ts";

export const EXTRACTOR = { name: "dossier-rules", version: "1" };

/** Everything compiled from the inputs that does not depend on the document. */
export interface Extractor {
  run(text: string, sourceId: string, published?: string | null, minConfidence?: number): ExtractResult;
}

const STRONG = new Set(["gazetteer", "dataset", "military", "title", "name", "acronym", "government", "demonym"]);

export function createExtractor(predicates: PredicateSpec[], gazetteer: GazetteerEntry[], lexicon: Lexicon): Extractor {
  const lex = compileLexicon(lexicon);
  const triggers = compileTriggers(predicates);
  const modality = compileModality(lexicon);
  const titleRe = compileTitleWords(lexicon.titles, lexicon.ranks);
  const position = predicates.find((p) => p.name === "position_held") ?? null;
  return {
    run: (text, sourceId, published, minConfidence) =>
      extractWith(text, sourceId, published ?? null, minConfidence ?? DEFAULT_MIN_CONFIDENCE, new Gazetteer(gazetteer), lex, triggers, modality, titleRe, position),
  };
}

/** One-shot form of createExtractor(...).run(...). */
export function extract(input: ExtractInput): ExtractResult {
  return createExtractor(input.predicates, input.gazetteer, input.lexicon).run(input.text, input.sourceId, input.published, input.minConfidence);
}

function extractWith(
  text: string,
  sourceId: string,
  published: string | null,
  minConfidence: number,
  gaz: Gazetteer,
  lex: CompiledLexicon,
  triggers: TriggerIndex,
  cm: CompiledModality,
  titleRe: RegExp,
  position: PredicateSpec | null,
): ExtractResult {
  const sents = sentences(text, lex.lexicon.abbreviations);
  const rec = recogniseEntities(text, sents, gaz, lex);
  const ref = referenceDate(published);
  const entities = rec.table.entities;
  const refOf = (id: string): EntityRef => {
    const e = entities.get(id);
    return e?.aliases.length ? { id, name: e.name, aliases: e.aliases.slice(0, 10) } : { id, name: e?.name ?? id };
  };
  const claims = new Map<string, ExtractedClaim>();
  let mi = 0;
  let lastEvent: Mention | null = null;
  /** The sentence that named the last event: it dates the event when a later sentence does not. */
  let lastEventSentence: Span | null = null;
  /** What the previous sentence is about: the first organisation, state or body it names ("its" in the next). */
  let topic: Mention | null = null;
  let announcement: (Announcement & { date: string | null }) | null = null;
  /** A claim that `authority` listed `target` (sanctioned or designated), dated as given. */
  const addListing = (predicate: PredicateSpec, authority: Mention, target: Mention, date: string | null, confidence: number, sent: Span) => {
    const q: Qualifiers = {};
    if (date) placeDate(q, date, predicate);
    add(claims, predicate.name, refOf(authority.entity), refOf(target.entity), q, confidence, sent, text, sourceId, false);
  };
  /** Qualifiers of a claim about an event: when, and the body it is a meeting of. */
  const eventQualifiers = (predicate: PredicateSpec, event: Mention, when: string | null): Qualifiers => {
    const q: Qualifiers = {};
    if (when) placeDate(q, when, predicate);
    const body = innerBody(event, entities);
    if (body && predicate.qualifiers.includes("body")) q.body = refOf(body);
    return q;
  };
  /** position_held, when the ontology has it and lets this kind of owner hold posts. */
  const addPosition = (person: Mention, owner: Mention, title: string, sent: Span) => {
    if (position && position.subject.includes("Person") && position.object.includes(owner.type)) add(claims, position.name, refOf(person.entity), refOf(owner.entity), { title }, 0.75, sent, text, sourceId, false);
  };
  const addAnnounced = (a: Announcement & { date: string | null }, target: Mention, sent: Span) => addListing(a.predicate, a.authority, target, a.date, 0.7, sent);
  for (const sent of sents) {
    const ms: Mention[] = [];
    while (mi < rec.mentions.length && rec.mentions[mi].start < sent.start) mi++;
    for (let k = mi; k < rec.mentions.length && rec.mentions[k].end <= sent.end; k++) ms.push(rec.mentions[k]);
    const prevEvent = lastEvent;
    const prevEventSentence = lastEventSentence;
    for (const m of ms) {
      if (m.type !== "Event") continue;
      lastEvent = m;
      lastEventSentence = sent;
    }
    if (ms.length < 1) continue;
    // The sentence's triggers, found once for the relation and listing rules.
    const found = triggerMatches(text, sent, triggers);
    // The event a sentence without one of its own may be speaking of.
    const recentEvent = prevEvent && sent.start - prevEvent.end < 1000 ? prevEvent : null;
    const rels = findRelations(text, sent, ms, found, triggers, recentEvent);
    let dates: FoundDate[] | null = null;
    const lineStart = text.lastIndexOf("\n", sent.start) + 1;
    for (const r of rels) {
      const reading = readModality(text, sent, r.clauseStart, r.trigger, cm, lineStart);
      let confidence = 0.7;
      const strong = STRONG.has(r.subject.via) && STRONG.has(r.object.via);
      if (strong) confidence += 0.15;
      if (r.subject.via === "unknown" || r.object.via === "unknown") confidence -= 0.1;
      if (r.subject.via === "pronoun" || r.subject.via === "anaphor") confidence -= 0.05;
      if (r.gapWords > 3) confidence -= 0.1;
      if (reading.hedged) confidence -= 0.2;
      const q: Qualifiers = {};
      if (reading.modality) {
        q.modality = reading.modality;
        confidence *= 0.4;
      }
      for (const [k, v] of Object.entries(r.extra)) q[k] = typeof v === "string" ? v : refOf(v.entity);
      const body = innerBody(r.object, entities);
      if (body && r.predicate.qualifiers.includes("body")) q.body = refOf(body);
      dates ??= findDates(text, sent, ref);
      const d = nearestDate(dates.filter((x) => !inRelativeClauseAfter(text, r.trigger, x) && !inRelativeClauseBefore(text, sent.start, r.trigger, x)), r.trigger, r.clauseStart);
      if (d) placeDate(q, d.edtf, r.predicate);
      add(claims, r.predicate.name, refOf(r.subject.entity), refOf(r.object.entity), q, round(confidence), sent, text, sourceId, r.predicate.symmetric);
    }
    // Targets named one by one after an announcement ("Among those named are …").
    if (announcement) {
      for (const target of enumeratedTargets(text, sent, ms, announcement)) addAnnounced(announcement, target, sent);
      for (const u of unattributedListings(text, sent, ms, found, announcement))
        if (!readModality(text, sent, sent.start, u.trigger, cm, lineStart).modality) addAnnounced(announcement, u.target, sent);
    }
    const sanctioned = triggers.byName.get("sanctioned");
    if (sanctioned) {
      for (const a of findListAdditions(text, sent, ms, sanctioned)) {
        if (readModality(text, sent, sent.start, a.trigger, cm, lineStart).modality) continue;
        dates ??= findDates(text, sent, ref);
        addListing(sanctioned, a.authority, a.target, nearestDate(dates, a.trigger, sent.start)?.edtf ?? null, 0.75, sent);
      }
    }
    const announced = findAnnouncement(text, sent, ms, found, topic);
    if (announced && !readModality(text, sent, sent.start, announced.trigger, cm, lineStart).modality) {
      dates ??= findDates(text, sent, ref);
      announcement = { ...announced, date: nearestDate(dates, announced.trigger, sent.start)?.edtf ?? null };
      for (const target of enumeratedTargets(text, sent, ms, announcement)) addAnnounced(announcement, target, sent);
    }
    for (const item of findRoleLists(text, sent, ms, triggers)) {
      // The item may already be a named entity; else it names a body of its own.
      const named = ms.find((x) => x.start === item.object.start && x.end === item.object.end && item.predicate.object.includes(x.type));
      let object: EntityRef;
      if (named) object = refOf(named.entity);
      else {
        const type = item.predicate.object.includes("Body") ? "Body" : item.predicate.object[0];
        let name = text.slice(item.object.start, item.object.end).replace(/[’]/g, "'");
        // "The Working Groups and their co-chairs are Maritime Security (…)": the Working Group on Maritime Security.
        const head = [...ms].reverse().find((x) => x.end <= item.trigger.start && x.type === type && x.via === "name");
        const headName = head ? entities.get(head.entity)?.name : undefined;
        if (headName && name.split(/\s+/).length + headName.split(/\s+/).length < 8) name = `${headName.replace(/s$/, "")} on ${name}`;
        const id = entityId(type, name);
        rec.table.ensure(id, type, name).mentions.push({ ...item.object });
        object = refOf(id);
      }
      const reading = readModality(text, sent, sent.start, item.trigger, cm, lineStart);
      if (reading.modality) continue;
      const q: Qualifiers = item.predicate.qualifiers.includes("role") ? { role: item.role } : {};
      add(claims, item.predicate.name, refOf(item.subject.entity), object, q, 0.75, sent, text, sourceId, item.predicate.symmetric);
    }
    for (const p of findPositions(text, sent, ms, titleRe, topic)) addPosition(p.person, p.owner, p.title, sent);
    for (const v of findVenues(text, sent, ms)) {
      if (readModality(text, sent, sent.start, v.trigger, cm, lineStart).modality) continue;
      dates ??= findDates(text, sent, ref);
      const when = nearestDate(dates, v.trigger, sent.start)?.edtf ?? null;
      for (const [name, who] of [["hosted", v.host], ["chaired", v.chair]] as const) {
        const p = triggers.byName.get(name);
        if (!p || !who || !p.subject.includes(who.type)) continue;
        add(claims, p.name, refOf(who.entity), refOf(v.event.entity), eventQualifiers(p, v.event, when), 0.7, sent, text, sourceId, false);
      }
    }
    const attended = triggers.byName.get("attended");
    for (const dg of findDelegations(text, sent, ms, titleRe)) {
      // A delegation names no event: it is the event just reported, if any.
      if (attended && recentEvent) {
        dates ??= findDates(text, sent, ref);
        const when = nearestDate(dates, dg.leader, sent.start)?.edtf ?? (prevEventSentence && nearestDate(findDates(text, prevEventSentence, ref), recentEvent, prevEventSentence.start)?.edtf) ?? null;
        for (const who of [dg.sender, dg.leader]) add(claims, attended.name, refOf(who.entity), refOf(recentEvent.entity), eventQualifiers(attended, recentEvent, when), 0.7, sent, text, sourceId, false);
      }
      if (dg.title) addPosition(dg.leader, dg.sender, dg.title, sent);
    }
    topic = ms.find((m) => OWNER_TYPES.has(m.type)) ?? null;
  }
  const kept = [...claims.values()].filter((c) => c.confidence >= minConfidence);
  const outEntities = [...entities.values()].map((e) => ({ ...e, aliases: e.aliases.slice(0, 20) }));
  return { entities: outEntities, claims: kept };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

function innerBody(m: Mention, entities: Map<string, { type: string }>): string | null {
  if (m.type !== "Event" || !m.inner) return null;
  return m.inner.find((id) => entities.get(id)?.type === "Body") ?? m.inner.find((id) => entities.get(id)?.type === "Organization") ?? null;
}

/**
 * Whether a date sits in a relative clause opened after the trigger: ", which was first
 * held in 1982" dates the event's history, not the fact reported.
 */
function inRelativeClauseAfter(text: string, t: Span, d: Span): boolean {
  return d.start >= t.end && /,\s+(?:which|who|whose|where)\b/.test(text.slice(t.end, d.start));
}

/**
 * Whether a date sits in a relative clause that closes before the trigger: "X, the chief who
 * ousted the government on Feb. 1, addressed the conference on Tuesday" dates the ousting.
 */
function inRelativeClauseBefore(text: string, sentStart: number, t: Span, d: Span): boolean {
  return d.end <= t.start && /\b(?:who|which|whose)\b[^,;]*$/.test(text.slice(sentStart, d.start)) && /,/.test(text.slice(d.end, t.start));
}

/** The date closest to the trigger, preferring one inside the trigger's clause. */
function nearestDate(dates: FoundDate[], t: Span, clauseStart: number): FoundDate | null {
  let best: FoundDate | null = null;
  let bestScore = Infinity;
  for (const d of dates) {
    const dist = d.end <= t.start ? t.start - d.end : d.start - t.end;
    const score = dist + (d.start < clauseStart ? 40 : 0);
    if (score < bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function placeDate(q: Qualifiers, edtf: string, p: PredicateSpec): void {
  if (p.qualifiers.includes("date")) q.date = edtf;
  else if (p.qualifiers.includes("start")) {
    const [a, b] = edtf.split("/");
    q.start = a;
    if (b && b !== "..") q.end = b;
  }
}

function add(
  claims: Map<string, ExtractedClaim>,
  predicate: string,
  subject: EntityRef,
  object: EntityRef,
  qualifiers: Qualifiers,
  confidence: number,
  span: Span,
  text: string,
  sourceId: string,
  symmetric: boolean,
): void {
  if (subject.id === object.id) return;
  const [a, b] = symmetric && subject.id > object.id ? [object.id, subject.id] : [subject.id, object.id];
  const when = String(qualifiers.date ?? qualifiers.start ?? "");
  const key = `${predicate}|${a}|${b}|${when}|${qualifiers.modality ?? ""}`;
  const evidence = { source: sourceId, start: span.start, end: span.end, quote: text.slice(span.start, span.end) };
  const prior = claims.get(key);
  if (prior) {
    if (!prior.evidence.some((e) => e.start === evidence.start)) prior.evidence.push(evidence);
    prior.confidence = Math.max(prior.confidence, confidence);
    for (const [k, v] of Object.entries(qualifiers)) if (!(k in prior.qualifiers)) prior.qualifiers[k] = v;
    return;
  }
  const id = "clm-" + createHash("sha256").update(`${sourceId}|${key}|${span.start}`).digest("hex").slice(0, 16);
  claims.set(key, { id, predicate, subject, object, qualifiers, status: "proposed", confidence, evidence: [evidence] });
}

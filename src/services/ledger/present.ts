/**
 * The one JSON shape of a claim in every command's output: the `dossier extract` contract
 * of DESIGN.md (id, predicate, subject/object with names, qualifiers, status, confidence,
 * evidence) plus credibility, dataset, origin, note and query annotations. Entity names
 * are looked up once per batch; evidence comes from citations.ts.
 */
import type { Claim, ClaimOrigin, Entity, QualifierValue } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { EvidenceResolver, type Evidence } from "./citations.ts";
import type { Likelihood } from "../../dates/index.ts";

export interface EntityRef {
  id: string;
  name: string;
  type?: string;
}

export interface ClaimView {
  id: string;
  predicate: string;
  subject: EntityRef;
  object: EntityRef;
  qualifiers: Record<string, QualifierValue>;
  status: Claim["status"];
  confidence: number | null;
  credibility: number | null;
  dataset: string;
  origin: ClaimOrigin;
  assertion: boolean;
  note: string | null;
  evidence: Evidence[];
  /** Names of entities that qualifiers refer to by id (`with: state:russia`). */
  refs?: Record<string, string>;
  /** Set by `claims --from/--to`: whether the claim's date certainly or only possibly fits. */
  date_match?: Likelihood;
  /** Ids of claims that state the same fact with dates that cannot both be right. */
  disputed_with?: string[];
}

/** What an entity id looks like (`type:name`), to spot ids among qualifier values. */
const ENTITY_ID = /^[a-z][a-z0-9_-]*:\S+$/;

function refsOf(q: Record<string, QualifierValue>, entities: Map<string, Entity>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const walk = (v: QualifierValue) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "string" && entities.has(v)) out[v] = entities.get(v)!.name;
  };
  Object.values(q).forEach(walk);
  return Object.keys(out).length ? out : undefined;
}

function ref(id: string, entities: Map<string, Entity>): EntityRef {
  const e = entities.get(id);
  return e ? { id: e.id, name: e.name, type: e.type } : { id, name: id };
}

/** Entity-valued qualifiers (`{id}` or arrays of them) gain the entity's name. */
function nameQualifiers(q: Record<string, QualifierValue>, entities: Map<string, Entity>): Record<string, QualifierValue> {
  const named = (v: QualifierValue): QualifierValue => {
    if (Array.isArray(v)) return v.map(named);
    if (v && typeof v === "object" && typeof v.id === "string") {
      const e = entities.get(v.id);
      return e ? { id: v.id, name: v.name ?? e.name } : v;
    }
    return v;
  };
  const out: Record<string, QualifierValue> = {};
  for (const [k, v] of Object.entries(q)) out[k] = named(v);
  return out;
}

function referencedIds(c: Claim): string[] {
  const ids = [c.subject, c.object];
  const walk = (v: QualifierValue) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object" && typeof v.id === "string") ids.push(v.id);
    else if (typeof v === "string" && ENTITY_ID.test(v)) ids.push(v);
  };
  Object.values(c.qualifiers).forEach(walk);
  return ids;
}

export async function presentClaims(store: StoreOps, claims: Claim[], resolver = new EvidenceResolver(store)): Promise<ClaimView[]> {
  const entities = await store.getEntities(claims.flatMap(referencedIds));
  return Promise.all(
    claims.map(async (c): Promise<ClaimView> => ({
      id: c.id,
      predicate: c.predicate,
      subject: ref(c.subject, entities),
      object: ref(c.object, entities),
      qualifiers: nameQualifiers(c.qualifiers, entities),
      status: c.status,
      confidence: c.confidence,
      credibility: c.credibility,
      dataset: c.dataset,
      origin: c.origin,
      assertion: c.assertion,
      note: c.note,
      evidence: await resolver.resolveAll(c.citations),
      ...(refsOf(c.qualifiers, entities) ? { refs: refsOf(c.qualifiers, entities) } : {}),
    })),
  );
}

function qualifierText(v: QualifierValue, refs: Record<string, string> = {}): string {
  if (Array.isArray(v)) return v.map((x) => qualifierText(x, refs)).join(", ");
  if (v && typeof v === "object") return v.name ? `${v.name} (${v.id})` : v.id;
  if (typeof v === "string" && refs[v]) return `${refs[v]} (${v})`;
  return String(v);
}

/** Evidence in one line: the quote when verified, else what is known of the source. */
export function evidenceLine(ev: Evidence): string {
  if (ev.quote !== undefined) return `“${ev.quote.replace(/\s+/g, " ")}” — ${ev.title ?? ev.source}${ev.published ? `, ${ev.published}` : ""}`;
  const where = [ev.title, ev.publisher, ev.published, ev.url].filter(Boolean).join(", ");
  const span = `[${ev.start}–${ev.end}]`;
  if (ev.broken) return `BROKEN citation ${ev.source.slice(0, 19)}… ${span}: ${ev.reason}`;
  return `${where || ev.source} ${span} (not archived)`;
}

/** A claim for a person: the statement, its qualifiers, status and each citation. */
export function claimText(c: ClaimView, indent = ""): string {
  const quals = Object.entries(c.qualifiers).map(([k, v]) => `${k}=${qualifierText(v, c.refs)}`);
  const lines = [`${indent}${c.subject.name} —${c.predicate}→ ${c.object.name}${quals.length ? `  [${quals.join("; ")}]` : ""}`];
  const marks = [c.status, c.id];
  if (c.date_match) marks.push(`date ${c.date_match}`);
  if (c.disputed_with?.length) marks.push(`disputed: differs from ${c.disputed_with.join(", ")}`);
  lines.push(`${indent}  (${marks.join("; ")})`);
  if (c.note) lines.push(`${indent}  note: ${c.note}`);
  for (const ev of c.evidence) lines.push(`${indent}  · ${evidenceLine(ev)}`);
  if (c.evidence.length === 0) lines.push(`${indent}  · ${c.assertion ? "editor's assertion (no citation)" : "no citation"}`);
  return lines.join("\n");
}

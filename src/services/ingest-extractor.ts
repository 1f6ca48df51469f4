/**
 * Connects ingest to the claim extractor: runs the pipeline on a newly archived text and
 * turns what it proposes into stored ledger records, inside ingest's transaction —
 * claims with status `proposed` and a citation per evidence span, the entities they
 * name that the ledger does not know yet, and an audit entry per created claim.
 * Claims that do not validate against the ontology are left out and counted.
 */
import { sha256Hex } from "../model/canonical.ts";
import type { Ontology } from "../model/ontology.ts";
import { collectClaimErrors, collectEntityErrors } from "../model/validate.ts";
import type { Claim, Entity, QualifierValue } from "../model/types.ts";
import type { ExtractedClaim, ExtractedEntity, GazetteerEntry } from "../extract/types.ts";
import type { StoreOps } from "../store/store.ts";
import type { Dossier } from "./dossier.ts";
import { EXTRACTOR, loadExtractor as buildExtractor, type ExtractionOutput } from "./extract.ts";
import type { Extraction, Extractor } from "./ingest.ts";
import { loadOntology } from "./ontology.ts";
import { DEFAULT_WORK_DATASET, storeProposedClaims } from "./proposals.ts";

export interface ExtractorOptions {
  dataset?: string;
  minConfidence?: number;
}

/** The ledger's own user-made entities join the gazetteer, so names a team added are recognised. */
async function userGazetteer(d: Dossier): Promise<GazetteerEntry[]> {
  const userSets = (await d.store.listDatasets()).filter((s) => s.kind === "user").map((s) => s.name);
  if (userSets.length === 0) return [];
  const entities = await d.store.listEntities({ dataset: userSets });
  return entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, attributes: e.attributes }));
}

function qualifierValue(v: string | number | { id: string; name: string }): QualifierValue {
  return typeof v === "object" ? v.id : v;
}

/** The kind an event's own name states ("… Working Group Meeting" → meeting), else "other". */
function eventKind(name: string, kinds: Set<string>): string {
  const words = name.toLowerCase().split(/[^\p{L}]+/u).map((w) => w.replace(/s$/, ""));
  return [...words].reverse().find((w) => kinds.has(w)) ?? "other";
}

function toEntity(e: ExtractedEntity, dataset: string, ontology: Ontology): Entity {
  const attributes = { ...(e.attributes ?? {}) };
  if (e.type === "Event" && !attributes.kind) attributes.kind = eventKind(e.name, ontology.eventKinds);
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases.filter((a) => a !== e.name), attributes, dataset, mergedInto: null };
}

function toClaim(c: ExtractedClaim, text: string, dataset: string, now: string): Claim {
  return {
    id: c.id,
    dataset,
    predicate: c.predicate,
    subject: c.subject.id,
    object: c.object.id,
    qualifiers: Object.fromEntries(Object.entries(c.qualifiers).map(([k, v]) => [k, qualifierValue(v)])),
    status: "proposed",
    credibility: null,
    confidence: c.confidence,
    origin: { kind: "extractor", name: EXTRACTOR.name, version: EXTRACTOR.version },
    citations: c.evidence.map((ev) => ({ source: ev.source, start: ev.start, end: ev.end, quoteSha256: sha256Hex(text.slice(ev.start, ev.end)) })),
    assertion: false,
    note: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Entity ids a claim points at: its parties and any entity-valued qualifier. */
function referencedIds(c: ExtractedClaim): string[] {
  const refs = Object.values(c.qualifiers).filter((v): v is { id: string; name: string } => typeof v === "object");
  return [c.subject.id, c.object.id, ...refs.map((r) => r.id)];
}

export async function storeExtraction(
  tx: StoreOps,
  out: ExtractionOutput,
  text: string,
  ontology: Ontology,
  opts: { dataset: string; actor: string },
): Promise<Extraction & { skipped: number }> {
  const now = new Date().toISOString();
  const byId = new Map(out.entities.map((e) => [e.id, e]));
  const wanted = [...new Set(out.claims.flatMap(referencedIds))];
  const known = await tx.getEntities(wanted);
  const fresh = wanted.filter((id) => !known.has(id) && byId.has(id)).map((id) => toEntity(byId.get(id)!, opts.dataset, ontology));
  const goodFresh = fresh.filter((e) => collectEntityErrors(e, ontology).length === 0);
  const typeOf = new Map<string, string>([...[...known.values()].map((e): [string, string] => [e.id, e.type]), ...goodFresh.map((e): [string, string] => [e.id, e.type])]);
  const claims = out.claims.map((c) => toClaim(c, text, opts.dataset, now)).filter((c) => collectClaimErrors(c, ontology, (id) => typeOf.get(id)).length === 0);
  const used = new Set(claims.flatMap((c) => [c.subject, c.object, ...Object.values(c.qualifiers).filter((v): v is string => typeof v === "string")]));
  const entities = goodFresh.filter((e) => used.has(e.id));

  if (claims.length) {
    await tx.putEntities(entities);
    await storeProposedClaims(tx, claims, { dataset: opts.dataset, actor: opts.actor, reason: `proposed by ${EXTRACTOR.name} ${EXTRACTOR.version}`, now });
  }
  return { entities, claims, output: out, skipped: out.claims.length - claims.length };
}

export async function loadExtractor(d: Dossier, opts: ExtractorOptions = {}): Promise<Extractor> {
  const [extractor, ontology] = await Promise.all([userGazetteer(d).then((extra) => buildExtractor(extra)), loadOntology()]);
  const dataset = opts.dataset ?? DEFAULT_WORK_DATASET;
  return async ({ source, text }, tx) => {
    const r = extractor.run(text, source.id, source.published ?? null, opts.minConfidence);
    const out: ExtractionOutput = {
      source: { id: source.id, title: source.title ?? null, published: source.published ?? null, language: source.language ?? null },
      entities: r.entities,
      claims: r.claims,
    };
    return storeExtraction(tx, out, text, ontology, { dataset, actor: d.actor });
  };
}

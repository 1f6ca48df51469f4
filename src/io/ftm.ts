/**
 * FollowTheMoney entity JSON lines → ledger entities and cited claims.
 *
 * Mapping (the table itself is data: lists/ftm-mapping.json):
 * - Every non-interval schema (Person, Organization, Company, LegalEntity, PublicBody,
 *   Vessel, Airplane, Position, Address…) becomes an Entity with id `ftm:<id>`; type
 *   Person for Person, Place for Address, Event for Event, Organization otherwise.
 *   attributes.schema = the FtM schema, attributes.ftmId = the original id,
 *   attributes.properties = the FtM properties verbatim, attributes.ftm = the record's
 *   other fields (datasets, referents, first_seen…), so an export gives them back as
 *   they came. Derived for screening: birthDate, nationality (+citizenship), country
 *   (+jurisdiction), listIds (identifier-typed properties), programs (from Sanctions),
 *   remarks (notes). Name = caption, aliases = the other name/alias/previousName values.
 * - Interval schemata with a ledger predicate become claims between the entities they
 *   join, cited by the record's line: Sanction → sanctioned (subject: the listing
 *   authority, an entity `ftm-authority:<slug>` built from authority/country; object:
 *   entity), Membership → member_of, Directorship → position_held (title = role),
 *   Occupancy → position_held (holder → post), Ownership → part_of (asset → owner,
 *   kind "ownership"). The claim keeps qualifiers `ftm_id`, `ftm_schema`, `ftm_caption`,
 *   every original property as `ftm:<property>` (a list of strings) and the record's
 *   other fields as `ftm_meta:<field>`, so nothing is lost on the way back.
 * - Other intervals (Family, Associate, Passport and other Identification, Employment,
 *   Representation, UnknownLink…) have no ledger predicate: they are kept verbatim on
 *   the entity they hang off (first entity-typed property that resolves in the file),
 *   under attributes.ftmLinked; with no such entity they become an Organization-typed
 *   entity of their own, schema kept, so they still round-trip.
 */
import { readFileSync } from "node:fs";
import type { Claim, Entity, QualifierValue } from "../model/types.ts";
import { ChunkBuffer, cite, collectList, invalid, pushUnique, slug, type ChunkSink, type ListFile, type ListSummary, type ParseOptions, type ParsedList } from "./lists/common.ts";
import { loadFtmModel, type FtmEntityJson, type FtmModel } from "./ftm-model.ts";

export const FTM_IMPORTER = { kind: "import", name: "ftm", version: "1" } as const;

export interface ClaimMapping {
  predicate: string;
  subject: string;
  object: string;
  qualifiers: Record<string, string[]>;
  constants?: Record<string, string>;
}

export interface FtmMapping {
  entityTypes: Record<string, string>;
  claims: Record<string, ClaimMapping>;
}

let mapping: FtmMapping | null = null;
export function ftmMapping(): FtmMapping {
  mapping ??= JSON.parse(readFileSync(new URL("./lists/ftm-mapping.json", import.meta.url), "utf8")) as FtmMapping;
  return mapping;
}

export const ftmEntityId = (ftmId: string) => `ftm:${ftmId}`;
/** Record fields other than id/schema/properties/caption, kept for the way back. */
const META = ["datasets", "referents", "target", "first_seen", "last_seen", "last_change"];
const NAME_PROPS = ["name", "alias", "previousName", "abbreviation"];

interface Row {
  rec: FtmEntityJson;
  start: number;
  end: number;
  line: number;
}

/** Line-by-line over the text: each line's span and number; blank lines skipped. */
export function* jsonLines(file: ListFile): Generator<{ json: string; start: number; end: number; line: number }> {
  const text = file.text;
  let pos = 0;
  let line = 0;
  while (pos < text.length) {
    line++;
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const json = text.slice(pos, end);
    if (json.trim()) yield { json, start: pos, end, line };
    pos = nl + 1;
  }
}

function parseRecord(json: string, file: string, line: number, model: FtmModel): FtmEntityJson {
  let rec: unknown;
  try {
    rec = JSON.parse(json);
  } catch (e) {
    throw invalid(`not JSON: ${(e as Error).message}`, file, line, undefined, e);
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) throw invalid("not a JSON object", file, line);
  const r = rec as Record<string, unknown>;
  if (typeof r.id !== "string" || !r.id) throw invalid("no id", file, line, "id");
  if (typeof r.schema !== "string" || !r.schema) throw invalid("no schema", file, line, "schema");
  if (!model.has(r.schema)) throw invalid(`unknown schema ${r.schema}`, file, line, "schema");
  const props = (r.properties ?? {}) as Record<string, unknown>;
  if (typeof props !== "object" || Array.isArray(props)) throw invalid("properties is not an object", file, line, "properties");
  for (const k of Object.keys(props)) {
    const v = props[k];
    if (!Array.isArray(v)) throw invalid(`property ${k} is not a list of strings`, file, line, k);
    for (const x of v) if (typeof x !== "string") throw invalid(`property ${k} is not a list of strings`, file, line, k);
  }
  r.properties = props;
  return r as FtmEntityJson;
}

/** An EDTF day/month/year from an FtM date (which may carry a time). */
function edtf(v: string | undefined): string | null {
  const m = v && /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(v);
  return m ? m[1] : null;
}

function entityFrom(row: Row, model: FtmModel, dataset: string, map: FtmMapping): Entity {
  const { rec } = row;
  const p = rec.properties;
  const names: string[] = [];
  pushUnique(names, typeof rec.caption === "string" ? rec.caption : null);
  for (const k of NAME_PROPS) pushUnique(names, ...(p[k] ?? []));
  const name = names[0] ?? rec.id;
  const listIds: string[] = [];
  for (const [k, vs] of Object.entries(p)) if (model.property(rec.schema, k)?.type === "identifier") pushUnique(listIds, ...vs);
  const nationality: string[] = [];
  pushUnique(nationality, ...(p.nationality ?? []), ...(p.citizenship ?? []));
  const country: string[] = [];
  pushUnique(country, ...(p.country ?? []), ...(p.jurisdiction ?? []));
  const meta: Record<string, unknown> = {};
  for (const k of META) if (rec[k] !== undefined) meta[k] = rec[k];
  const attributes: Record<string, unknown> = {
    schema: rec.schema,
    ftmId: rec.id,
    properties: p,
    ftm: meta,
    birthDate: (p.birthDate ?? []).map(edtf).filter(Boolean),
    nationality,
    country,
    listIds,
    programs: [],
  };
  if (typeof rec.caption === "string") attributes.caption = rec.caption;
  if (p.weakAlias?.length) attributes.weakAliases = [...p.weakAlias];
  if (p.notes?.length) attributes.remarks = p.notes.join("\n");
  return {
    id: ftmEntityId(rec.id),
    type: map.entityTypes[rec.schema] ?? "Organization",
    name,
    aliases: names.slice(1),
    attributes,
    dataset,
    mergedInto: null,
  };
}

/** `ids` remembers the id made for each authority name: a list repeats one authority on every Sanction record. */
function authorityFor(rec: FtmEntityJson, dataset: string, ids: Map<string, string>): Entity {
  const names = rec.properties.authority ?? [];
  const countries = rec.properties.country ?? [];
  const label = names[0] ?? (countries[0] ? countries[0].toUpperCase() : "unknown authority");
  const key = names[0] ?? `country-${countries[0] ?? "unknown"}`;
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = `ftm-authority:${slug(key)}`));
  return {
    id,
    type: names.length ? "Organization" : "State",
    name: label,
    aliases: names.slice(1),
    attributes: { authority: true, country: [...countries] },
    dataset,
    mergedInto: null,
  };
}

/** The mapped qualifiers of an interval (date, program, role…) and its constants, before the ftm_* ones. */
function qualifiersFrom(rec: FtmEntityJson, m: ClaimMapping): Record<string, QualifierValue> {
  const p = rec.properties;
  const qualifiers: Record<string, QualifierValue> = {};
  for (const [q, props] of Object.entries(m.qualifiers)) {
    for (const prop of props) {
      const vs = p[prop];
      if (!vs?.length) continue;
      const isDate = q === "date" || q === "start" || q === "end";
      const v = isDate ? edtf(vs[0]) : vs.join("; ");
      if (v) qualifiers[q] = v;
      break;
    }
  }
  return Object.assign(qualifiers, m.constants ?? {});
}

function claimFrom(row: Row, m: ClaimMapping, subject: string, file: ListFile, opts: ParseOptions): Claim {
  const { rec } = row;
  const p = rec.properties;
  const objectRef = p[m.object]?.[0];
  if (!objectRef) throw invalid(`${rec.schema} has no ${m.object}`, file.file, row.line, m.object);
  const qualifiers = qualifiersFrom(rec, m);
  qualifiers.ftm_id = rec.id;
  qualifiers.ftm_schema = rec.schema;
  for (const [k, vs] of Object.entries(p)) qualifiers[`ftm:${k}`] = [...vs];
  if (typeof rec.caption === "string") qualifiers.ftm_caption = rec.caption;
  for (const k of META) {
    const v = rec[k];
    if (typeof v === "string" || typeof v === "boolean") qualifiers[`ftm_meta:${k}`] = v;
    else if (Array.isArray(v)) qualifiers[`ftm_meta:${k}`] = v.map(String);
  }
  return {
    id: `${opts.dataset}/${ftmEntityId(rec.id)}`,
    dataset: opts.dataset,
    predicate: m.predicate,
    subject,
    object: ftmEntityId(objectRef),
    qualifiers,
    status: "accepted",
    credibility: 2,
    confidence: null,
    origin: FTM_IMPORTER,
    citations: [cite(file, row.start, row.end)],
    assertion: false,
    note: null,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}

/** Programs a Sanction adds to its listed entity, and Family/Passport-like records kept on their anchor. */
interface Extras {
  programs: string[];
  linked: unknown[];
}

/**
 * Reads the file in two walks so entities stream out without all being held: the first
 * validates every line and keeps only entity ids and the interval records (which join
 * entities from anywhere in the file); the second builds the entities, adding what the
 * intervals say about them, and emits them in chunks; the intervals' claims follow.
 */
export async function streamFtm(file: ListFile, opts: ParseOptions, emit: ChunkSink, model: FtmModel = loadFtmModel()): Promise<ListSummary> {
  const map = ftmMapping();
  const total = file.text.length;
  const progress = (done: number) => opts.onProgress?.(done, total);

  // Walk 1: validate, learn the entity ids, keep the intervals.
  const entityIds = new Set<string>();
  const intervals: Row[] = [];
  const seen = new Set<string>();
  for (const l of jsonLines(file)) {
    const rec = parseRecord(l.json, file.file, l.line, model);
    if (seen.has(rec.id)) throw invalid(`id ${rec.id} appears twice`, file.file, l.line, "id");
    seen.add(rec.id);
    if (model.isA(rec.schema, "Interval")) intervals.push({ rec, start: l.start, end: l.end, line: l.line });
    else entityIds.add(ftmEntityId(rec.id));
    if (seen.size % 5000 === 0) progress(l.end / 2);
  }

  // The intervals in file order: authorities, programs for listed entities, linked records and
  // the intervals that become entities of their own (which later intervals may hang off).
  const authorities = new Map<string, Entity>();
  const authorityIds = new Map<string, string>();
  const extras = new Map<string, Extras>();
  const extrasOf = (id: string): Extras => {
    let x = extras.get(id);
    if (!x) extras.set(id, (x = { programs: [], linked: [] }));
    return x;
  };
  const subjects: (string | null)[] = [];
  const standalone = new Set<number>();
  let attached = 0;
  intervals.forEach((row, i) => {
    const { rec } = row;
    const m = map.claims[rec.schema];
    if (m) {
      let subject: string;
      if (m.subject === "@authority") {
        const a = authorityFor(rec, opts.dataset, authorityIds);
        authorities.set(a.id, a);
        subject = a.id;
      } else {
        const ref = rec.properties[m.subject]?.[0];
        if (!ref) throw invalid(`${rec.schema} has no ${m.subject}`, file.file, row.line, m.subject);
        subject = ftmEntityId(ref);
      }
      const objectRef = rec.properties[m.object]?.[0];
      if (!objectRef) throw invalid(`${rec.schema} has no ${m.object}`, file.file, row.line, m.object);
      subjects.push(subject);
      if (m.predicate !== "sanctioned") return;
      const program = qualifiersFrom(rec, m).program;
      const listed = ftmEntityId(objectRef);
      if (typeof program === "string" && entityIds.has(listed)) pushUnique(extrasOf(listed).programs, ...program.split("; "));
      return;
    }
    subjects.push(null);
    // No predicate fits: keep the record on the entity it hangs off.
    const anchor = Object.entries(rec.properties)
      .filter(([k]) => model.property(rec.schema, k)?.type === "entity")
      .flatMap(([, vs]) => vs)
      .map(ftmEntityId)
      .find((id) => entityIds.has(id));
    if (anchor) {
      extrasOf(anchor).linked.push({ id: rec.id, schema: rec.schema, properties: rec.properties, caption: rec.caption, ftm: Object.fromEntries(META.filter((k) => rec[k] !== undefined).map((k) => [k, rec[k]])) });
      attached++;
    } else {
      standalone.add(i);
      entityIds.add(ftmEntityId(rec.id));
    }
  });

  const out = new ChunkBuffer(emit);
  for (const a of authorities.values()) out.authority(a);
  const withExtras = (e: Entity): Entity => {
    const x = extras.get(e.id);
    if (x) {
      pushUnique(e.attributes.programs as string[], ...x.programs);
      if (x.linked.length) e.attributes.ftmLinked = x.linked;
    }
    return e;
  };

  // Walk 2: the entities, built again from their lines, in file order.
  for (const l of jsonLines(file)) {
    const rec = JSON.parse(l.json) as FtmEntityJson;
    if (model.isA(rec.schema, "Interval")) continue;
    rec.properties ??= {};
    out.add(withExtras(entityFrom({ rec, start: l.start, end: l.end, line: l.line }, model, opts.dataset, map)));
    if (out.full) {
      progress(total / 2 + l.end / 2);
      await out.flush();
    }
  }
  // Then the intervals: claims, and entities for those that hang off nothing.
  for (const [i, row] of intervals.entries()) {
    const subject = subjects[i];
    if (subject) out.add(null, claimFrom(row, map.claims[row.rec.schema], subject, file, opts));
    else if (standalone.has(i)) out.add(withExtras(entityFrom(row, model, opts.dataset, map)));
    await out.flush();
  }
  await out.flush(true);
  progress(total);
  const claims = subjects.filter(Boolean).length;
  return { stats: { records: seen.size, intervalClaims: claims, attachedLinks: attached } };
}

/** The whole list at once (tests, the parse-only benchmark). */
export function parseFtm(file: ListFile, opts: ParseOptions, model: FtmModel = loadFtmModel()): Promise<ParsedList> {
  return collectList((emit) => streamFtm(file, opts, emit, model));
}

/**
 * Checks claims and entities against the ontology before they are stored: predicate known,
 * subject and object of allowed types, qualifiers allowed and well-typed, review fields in
 * range, a citation unless the claim is an editor's assertion. Pure: entity types come from
 * a lookup the caller provides. `validate*` throw the first problem; `collect*Errors` return
 * all of them for batch reports.
 */
import { DossierError } from "../errors/index.ts";
import { isEdtf, parseEdtf } from "../dates/index.ts";
import { qualifiersOf, type Ontology, type QualifierDef } from "./ontology.ts";
import { CLAIM_STATUSES, type QualifierValue } from "./types.ts";

type EntityRef = string | { id: string; name?: string };

/** What validation reads of a claim: a stored Claim fits, so does a claim being built. */
export interface ClaimLike {
  id?: string;
  predicate: string;
  subject: EntityRef;
  object: EntityRef;
  qualifiers?: Record<string, QualifierValue | undefined>;
  status?: string;
  credibility?: number | null;
  confidence?: number | null;
  citations?: ReadonlyArray<{ source?: unknown; start?: unknown; end?: unknown; quoteSha256?: unknown }>;
  assertion?: boolean;
}

export interface EntityLike {
  id: string;
  type: string;
  name?: string;
  aliases?: unknown;
  attributes?: Record<string, unknown>;
}

/** Where the thing being checked was written, when it came from a file. */
export interface Where {
  file?: string;
  line?: number;
}

/** Returns an entity's type, or undefined when no such entity exists. */
export type EntityTypeLookup = (id: string) => string | undefined;

const SOURCE_ID = /^sha256:[0-9a-f]{64}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const CURRENCY = /^[A-Z]{3}$/;
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
/** Qualifier types whose value may be a list (several co-chairs, several roles). */
const LISTABLE = new Set(["entity", "text", "enum"]);

/** Builds errors that read `claim myanmar:c12: subject: …`, or `file:line: subject: …`. */
function reporter(code: "INVALID_CLAIM" | "INVALID_ENTITY", kind: "claim" | "entity", id: string | undefined, where: Where | undefined, errors: DossierError[]) {
  return (field: string, detail: string): void => {
    const ctx: Record<string, unknown> = {};
    if (where?.file !== undefined) ctx.file = where.file;
    else if (id) ctx.file = `${kind} ${id}`;
    if (where?.line !== undefined) ctx.line = where.line;
    if (id) ctx.id = id;
    ctx.field = field;
    errors.push(new DossierError(code, detail, ctx));
  };
}

function refId(ref: unknown): string | undefined {
  if (typeof ref === "string" && ref !== "") return ref;
  if (ref && typeof ref === "object" && typeof (ref as { id?: unknown }).id === "string" && (ref as { id: string }).id !== "") return (ref as { id: string }).id;
  return undefined;
}

/** "A", "A or B", "A, B or C". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : JSON.stringify(v) ?? String(v);
}

/** Every way the claim breaks the ontology or the ledger's rules, in field order. */
export function collectClaimErrors(claim: ClaimLike, ontology: Ontology, resolveEntityType: EntityTypeLookup, where?: Where): DossierError[] {
  const errors: DossierError[] = [];
  const report = reporter("INVALID_CLAIM", "claim", claim.id, where, errors);
  const predicate = ontology.predicates.get(claim.predicate);
  if (!predicate) report("predicate", `unknown predicate ${show(claim.predicate)}`);

  for (const role of ["subject", "object"] as const) {
    const id = refId(claim[role]);
    if (id === undefined) {
      report(role, `expected an entity id, not ${show(claim[role])}`);
      continue;
    }
    const type = resolveEntityType(id);
    if (type === undefined) report(role, `unknown entity ${show(id)}`);
    else if (predicate && !predicate[role].includes(type)) {
      report(role, `a ${predicate.name} claim's ${role} must be ${orList(predicate[role])}, not ${type}`);
    }
  }

  const allowed = predicate ? qualifiersOf(ontology, predicate.name) : undefined;
  for (const [name, value] of Object.entries(claim.qualifiers ?? {})) {
    const field = `qualifiers.${name}`;
    const def = ontology.qualifiers.get(name);
    if (!def) {
      report(field, `unknown qualifier ${show(name)}`);
      continue;
    }
    if (allowed && !allowed.includes(name)) {
      report(field, `a ${predicate!.name} claim takes no qualifier ${show(name)} (it takes ${orList(allowed)})`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (!LISTABLE.has(def.type)) report(field, `expected one ${def.type} value, not a list`);
      else for (const item of value) checkQualifierValue(def, item, resolveEntityType, (d) => report(field, d));
    } else checkQualifierValue(def, value, resolveEntityType, (d) => report(field, d));
  }

  if (claim.status !== undefined && !(CLAIM_STATUSES as readonly string[]).includes(claim.status)) {
    report("status", `${show(claim.status)} is not a status (${CLAIM_STATUSES.join(", ")})`);
  }
  const cred = claim.credibility;
  if (cred !== undefined && cred !== null && !(Number.isInteger(cred) && cred >= 1 && cred <= 6)) {
    report("credibility", `must be a whole number from 1 (confirmed) to 6 (cannot be judged), not ${show(cred)}`);
  }
  const conf = claim.confidence;
  if (conf !== undefined && conf !== null && !(typeof conf === "number" && conf >= 0 && conf <= 1)) {
    report("confidence", `must be a number from 0 to 1, not ${show(conf)}`);
  }

  const citations = claim.citations ?? [];
  if (citations.length === 0 && !claim.assertion) {
    report("citations", "a claim needs at least one citation unless it is marked as an editor's assertion");
  }
  citations.forEach((c, i) => {
    const field = `citations[${i}]`;
    if (typeof c.source !== "string" || !SOURCE_ID.test(c.source)) report(`${field}.source`, `expected a source id (sha256: and 64 hex digits), not ${show(c.source)}`);
    const { start, end } = c;
    if (!Number.isInteger(start) || (start as number) < 0) report(`${field}.start`, `expected an offset (a whole number ≥ 0), not ${show(start)}`);
    else if (!Number.isInteger(end) || (end as number) <= (start as number)) report(`${field}.end`, `expected an offset after start (${start}), not ${show(end)}`);
    if (c.quoteSha256 !== undefined && (typeof c.quoteSha256 !== "string" || !SHA256_HEX.test(c.quoteSha256))) {
      report(`${field}.quoteSha256`, `expected 64 lowercase hex digits, not ${show(c.quoteSha256)}`);
    }
  });
  return errors;
}

function checkQualifierValue(def: QualifierDef, value: QualifierValue, resolveEntityType: EntityTypeLookup, fail: (detail: string) => void): void {
  switch (def.type) {
    case "edtf":
      if (typeof value !== "string") fail(`expected an EDTF date, not ${show(value)}`);
      else if (!isEdtf(value)) fail(edtfProblem(value));
      return;
    case "entity": {
      const id = refId(value);
      if (id === undefined) return fail(`expected an entity id, not ${show(value)}`);
      const type = resolveEntityType(id);
      if (type === undefined) fail(`${show(id)} is not a known entity id`);
      else if (def.types && !def.types.includes(type)) fail(`must be ${orList(def.types)}, not ${type} (${id})`);
      return;
    }
    case "enum":
      if (typeof value !== "string" || !def.values!.includes(value)) fail(`${show(value)} is not one of ${def.values!.join(", ")}`);
      return;
    case "integer":
      if (!(Number.isInteger(value) || (typeof value === "string" && INTEGER_TEXT.test(value)))) fail(`expected a whole number, not ${show(value)}`);
      return;
    case "amount":
      if (!((typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && NUMBER_TEXT.test(value)))) fail(`expected a number, not ${show(value)}`);
      return;
    case "currency":
      if (typeof value !== "string" || !CURRENCY.test(value)) fail(`expected a three-letter currency code such as USD, not ${show(value)}`);
      return;
    case "text":
      if (typeof value !== "string" || value.trim() === "") fail(`expected text, not ${show(value)}`);
      return;
  }
}

/** The parser's own explanation, which says which part is wrong. */
function edtfProblem(value: string): string {
  try {
    parseEdtf(value);
    return `${show(value)} is not an EDTF date`;
  } catch (e) {
    return e instanceof DossierError ? e.detail : `${show(value)} is not an EDTF date`;
  }
}

/** Throws the claim's first problem as DossierError INVALID_CLAIM (context: id, field). */
export function validateClaim(claim: ClaimLike, ontology: Ontology, resolveEntityType: EntityTypeLookup, where?: Where): void {
  const first = collectClaimErrors(claim, ontology, resolveEntityType, where)[0];
  if (first) throw first;
}

/** Every way the entity breaks the ontology: unknown type; an Event without a known kind or with a bad date. */
export function collectEntityErrors(entity: EntityLike, ontology: Ontology, where?: Where): DossierError[] {
  const errors: DossierError[] = [];
  const report = reporter("INVALID_ENTITY", "entity", entity.id, where, errors);
  if (typeof entity.id !== "string" || entity.id.trim() === "") report("id", `expected an id, not ${show(entity.id)}`);
  if (!ontology.types.has(entity.type)) report("type", `unknown type ${show(entity.type)} (known: ${[...ontology.types.keys()].join(", ")})`);
  if (entity.name !== undefined && (typeof entity.name !== "string" || entity.name.trim() === "")) report("name", `expected a name, not ${show(entity.name)}`);
  if (entity.aliases !== undefined && !(Array.isArray(entity.aliases) && entity.aliases.every((a) => typeof a === "string" && a.trim() !== ""))) {
    report("aliases", "expected a list of names");
  }
  if (entity.type === "Event") {
    const attrs = entity.attributes ?? {};
    const kind = attrs.kind;
    if (typeof kind !== "string" || !ontology.eventKinds.has(kind)) {
      report("attributes.kind", kind === undefined ? `an event needs a kind (${[...ontology.eventKinds].join(", ")})` : `unknown event kind ${show(kind)}`);
    }
    if (attrs.date !== undefined && attrs.date !== null) {
      if (typeof attrs.date !== "string") report("attributes.date", `expected an EDTF date, not ${show(attrs.date)}`);
      else if (!isEdtf(attrs.date)) report("attributes.date", edtfProblem(attrs.date));
    }
  }
  return errors;
}

/** Throws the entity's first problem as DossierError INVALID_ENTITY (context: id, field). */
export function validateEntity(entity: EntityLike, ontology: Ontology, where?: Where): void {
  const first = collectEntityErrors(entity, ontology, where)[0];
  if (first) throw first;
}
